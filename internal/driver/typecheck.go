package driver

import (
	"go/ast"
	"go/build"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
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

// newTypeChecker returns a checker that parses and type-checks the roots
// and, for their types only,
// every dependency. Roots get full syntax (with comments, for
// //prodlint:ignore) and types.Info; a root whose own files do not parse or
// type-check gets the errors in pkg.Errors. Dependencies in the main module
// get full syntax and types.Info too, because a rule with facts (a
// middleware that limits request bodies) runs on them to learn about their
// functions; other dependencies (the standard library, required modules)
// are checked with IgnoreFuncBodies, for their exported API only, and the
// checker runs fact rules on them with no syntax, which they skip.
//
// overlay, when not empty, holds file contents that replace the disk's
// (the fixes of an earlier -fix round).
//
// bodiless names dependencies in the main module that are checked for their
// API only, like those outside it: their facts come from the cache.
//
// The driver calls check itself, one package at a time in dependency
// order (every import first), interleaved with the analysis
// (analyzeGraph).
func newTypeChecker(roots []*packages.Package, overlay map[string][]byte, bodiless map[*packages.Package]bool) *typeChecker {
	isRoot := map[*packages.Package]bool{}
	for _, p := range roots {
		isRoot[p] = true
	}
	return &typeChecker{
		fset:     token.NewFileSet(),
		isRoot:   isRoot,
		bodiless: bodiless,
		sizes:    types.SizesFor("gc", build.Default.GOARCH),
		types:    map[*packages.Package]*types.Package{},
		overlay:  overlay,
	}
}

// check parses and type-checks p, whose imports are checked already.
func (c *typeChecker) check(p *packages.Package) {
	tp := c.checkOnce(p)
	c.mu.Lock()
	c.types[p] = tp
	c.mu.Unlock()
}

type typeChecker struct {
	fset     *token.FileSet
	isRoot   map[*packages.Package]bool
	bodiless map[*packages.Package]bool
	sizes    types.Sizes

	mu    sync.Mutex
	types map[*packages.Package]*types.Package // checked packages

	overlay map[string][]byte // read-only
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
		p.Fset, p.Types, p.TypesSizes = c.fset, types.Unsafe, c.sizes
		return types.Unsafe
	}
	root := c.isRoot[p]
	full := root || p.Module != nil && p.Module.Main && !c.bodiless[p] // syntax and types.Info
	mode := parser.SkipObjectResolution
	if full {
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
		IgnoreFuncBodies: !full,
		// Files importing "C" are checked without running cgo: C.x
		// references are not resolved, and not reported.
		FakeImportC: true,
		Sizes:       c.sizes,
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		conf.GoVersion = "go" + p.Module.GoVersion
	}
	var info *types.Info
	depErrors := false
	if full {
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
	}
	if root {
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
		conf.Error = func(error) { depErrors = true }
	}
	_ = types.NewChecker(conf, c.fset, tpkg, info).Files(files)
	// The checker runs fact rules on dependencies too, and wants every
	// package typed.
	p.Fset = c.fset
	p.Types = tpkg
	p.TypesSizes = c.sizes
	if full && (root || !depErrors) { // a broken dependency is not analyzed: fact rules skip it
		p.Syntax = files
		p.TypesInfo = info
		p.CompiledGoFiles = p.GoFiles
	}
	if root {
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
