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
func typeCheck(roots []*packages.Package) {
	fset := token.NewFileSet()
	isRoot := map[*packages.Package]bool{}
	for _, p := range roots {
		isRoot[p] = true
	}
	tc := &typeChecker{
		fset:   fset,
		isRoot: isRoot,
		sizes:  types.SizesFor("gc", build.Default.GOARCH),
		cpu:    make(chan struct{}, runtime.GOMAXPROCS(0)),
		done:   map[*packages.Package]*checkResult{},
	}
	var wg sync.WaitGroup
	for _, p := range roots {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tc.check(p)
		}()
	}
	wg.Wait()
}

type typeChecker struct {
	fset   *token.FileSet
	isRoot map[*packages.Package]bool
	sizes  types.Sizes
	cpu    chan struct{} // bounds parsing and type-checking to the cores

	mu   sync.Mutex
	done map[*packages.Package]*checkResult
}

type checkResult struct {
	once sync.Once
	pkg  *types.Package
}

// check type-checks p once, after its imports, and returns its types.
func (c *typeChecker) check(p *packages.Package) *types.Package {
	c.mu.Lock()
	res := c.done[p]
	if res == nil {
		res = &checkResult{}
		c.done[p] = res
	}
	c.mu.Unlock()
	res.once.Do(func() { res.pkg = c.checkOnce(p) })
	return res.pkg
}

func (c *typeChecker) checkOnce(p *packages.Package) *types.Package {
	if p.PkgPath == "unsafe" {
		return types.Unsafe
	}
	// Check the imports first, in parallel.
	var wg sync.WaitGroup
	for _, imp := range p.Imports {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.check(imp)
		}()
	}
	wg.Wait()

	c.cpu <- struct{}{}
	defer func() { <-c.cpu }()

	root := c.isRoot[p]
	mode := parser.SkipObjectResolution
	if root {
		mode |= parser.ParseComments
	}
	var files []*ast.File
	for _, name := range p.GoFiles {
		f, err := parser.ParseFile(c.fset, name, nil, mode)
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
		return c.check(imp), nil
	})
}

type importError struct{ path, why string }

func (e *importError) Error() string { return e.why }
