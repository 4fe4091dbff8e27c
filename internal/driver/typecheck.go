package driver

import (
	"go/ast"
	"go/build"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"runtime"
	"sync"

	"golang.org/x/tools/go/packages"
)

// metadataMode asks go/packages for the package graph only: names, files,
// imports and modules, straight from `go list -deps` without -export or
// -compiled, so that nothing is compiled. The packages are then parsed and
// type-checked from source here (see typeCheck), which is what makes a
// cold run cheaper than go vet's: go vet compiles every dependency to
// export data first.
const metadataMode = packages.NeedName | packages.NeedFiles | packages.NeedImports |
	packages.NeedDeps | packages.NeedModule

// typeCheck parses and type-checks the roots and, for their types only,
// every dependency. Dependencies are checked with IgnoreFuncBodies: no rule
// uses facts, so only their exported API matters. Roots get full syntax
// (with comments, for //prodlint:ignore) and types.Info; a root whose own
// files do not parse or type-check gets the errors in pkg.Errors.
//
// overlay, when not empty, holds file contents that replace the disk's
// (the fixes of an earlier -fix round).
func typeCheck(roots []*packages.Package, overlay map[string][]byte) {
	isRoot := map[*packages.Package]bool{}
	for _, p := range roots {
		isRoot[p] = true
	}
	tc := &typeChecker{
		fset:    token.NewFileSet(),
		isRoot:  isRoot,
		sizes:   types.SizesFor("gc", build.Default.GOARCH),
		types:   map[*packages.Package]*types.Package{},
		overlay: overlay,
	}
	tc.run(roots)
}

type typeChecker struct {
	fset   *token.FileSet
	isRoot map[*packages.Package]bool
	sizes  types.Sizes

	mu    sync.Mutex
	types map[*packages.Package]*types.Package // checked packages

	overlay map[string][]byte // read-only
}

// run checks every package reachable from roots in dependency order, with
// one worker per core: a package is queued once all its imports are done.
func (c *typeChecker) run(roots []*packages.Package) {
	pending := map[*packages.Package]int{}
	importers := map[*packages.Package][]*packages.Package{}
	var all []*packages.Package
	var visit func(p *packages.Package)
	visit = func(p *packages.Package) {
		if _, seen := pending[p]; seen {
			return
		}
		pending[p] = len(p.Imports)
		all = append(all, p)
		for _, imp := range p.Imports {
			importers[imp] = append(importers[imp], p)
			visit(imp)
		}
	}
	for _, p := range roots {
		visit(p)
	}
	ready := make(chan *packages.Package, len(all))
	for _, p := range all {
		if pending[p] == 0 {
			ready <- p
		}
	}
	var mu sync.Mutex // guards pending and left
	left := len(all)
	if left == 0 {
		return
	}
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range ready {
				tp := c.checkOnce(p)
				c.mu.Lock()
				c.types[p] = tp
				c.mu.Unlock()
				mu.Lock()
				for _, imp := range importers[p] {
					if pending[imp]--; pending[imp] == 0 {
						ready <- imp
					}
				}
				if left--; left == 0 {
					close(ready)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
}

// typesOf returns the checked types of an import; run schedules a package
// only after all its imports.
func (c *typeChecker) typesOf(p *packages.Package) *types.Package {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.types[p]
}

func (c *typeChecker) checkOnce(p *packages.Package) *types.Package {
	if p.PkgPath == "unsafe" {
		return types.Unsafe
	}
	root := c.isRoot[p]
	mode := parser.SkipObjectResolution
	if root {
		mode |= parser.ParseComments
	}
	var files []*ast.File
	for _, name := range p.GoFiles {
		var src any
		if data, ok := c.overlay[name]; ok {
			src = data
		}
		f, err := parser.ParseFile(c.fset, name, src, mode)
		if f != nil {
			files = append(files, f)
		}
		if err != nil && root {
			if list, ok := err.(scanner.ErrorList); ok {
				for _, e := range list {
					p.Errors = append(p.Errors, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
				}
			} else {
				p.Errors = append(p.Errors, packages.Error{Pos: name, Msg: err.Error(), Kind: packages.ParseError})
			}
		}
	}
	tpkg := types.NewPackage(p.PkgPath, p.Name)
	conf := &types.Config{
		Importer:         importerFor(p, c),
		IgnoreFuncBodies: !root,
		// Files importing "C" are checked without running cgo: C.x
		// references are not resolved, and not reported.
		FakeImportC: true,
		Sizes:       c.sizes,
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		conf.GoVersion = "go" + p.Module.GoVersion
	}
	var info *types.Info
	if root {
		info = &types.Info{
			Types:        map[ast.Expr]types.TypeAndValue{},
			Defs:         map[*ast.Ident]types.Object{},
			Uses:         map[*ast.Ident]types.Object{},
			Implicits:    map[ast.Node]types.Object{},
			Instances:    map[*ast.Ident]types.Instance{},
			Selections:   map[*ast.SelectorExpr]*types.Selection{},
			Scopes:       map[ast.Node]*types.Scope{},
			FileVersions: map[*ast.File]string{},
		}
		conf.Error = func(err error) {
			if te, ok := err.(types.Error); ok && !te.Soft {
				p.TypeErrors = append(p.TypeErrors, te)
				p.Errors = append(p.Errors, packages.Error{Pos: te.Fset.Position(te.Pos).String(), Msg: te.Msg, Kind: packages.TypeError})
			}
		}
	} else {
		// A dependency's errors show up in the roots that use the
		// broken part; its own (often IgnoreFuncBodies or cgo
		// artifacts) are not ours to report.
		conf.Error = func(error) {}
	}
	_ = types.NewChecker(conf, c.fset, tpkg, info).Files(files)
	if root {
		p.Fset = c.fset
		p.Syntax = files
		p.Types = tpkg
		p.TypesInfo = info
		p.TypesSizes = c.sizes
		p.CompiledGoFiles = p.GoFiles
		p.IllTyped = len(p.Errors) > 0 || importsBroken(p)
	}
	return tpkg
}

// importsBroken reports whether a dependency of p could not be listed (a
// missing package or module).
func importsBroken(p *packages.Package) bool {
	broken := false
	seen := map[*packages.Package]bool{}
	var visit func(q *packages.Package)
	visit = func(q *packages.Package) {
		if seen[q] || broken {
			return
		}
		seen[q] = true
		for _, e := range q.Errors {
			if e.Kind == packages.ListError {
				broken = true
			}
		}
		for _, imp := range q.Imports {
			visit(imp)
		}
	}
	for _, imp := range p.Imports {
		visit(imp)
	}
	return broken
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// importerFor resolves p's imports (paths as written in source, which
// go/packages has already mapped through vendoring and test variants).
func importerFor(p *packages.Package, c *typeChecker) types.Importer {
	return importerFunc(func(path string) (*types.Package, error) {
		if path == "unsafe" {
			return types.Unsafe, nil
		}
		imp, ok := p.Imports[path]
		if !ok {
			return nil, &importError{path, "no package metadata"}
		}
		if imp.Name == "" && len(imp.Errors) > 0 {
			return nil, &importError{path, imp.Errors[0].Msg} // e.g. no module provides it
		}
		return c.typesOf(imp), nil
	})
}

type importError struct{ path, why string }

func (e *importError) Error() string { return e.why }
