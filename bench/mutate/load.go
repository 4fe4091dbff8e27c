package main

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/packages"
)

// loader lists a module's packages with go/packages and type-checks them
// from source the way prodlint's driver does: dependencies for their API
// only (IgnoreFuncBodies), a package under study with its function bodies
// and a types.Info. A mutant is checked by re-checking its package with the
// mutated file in place of the original against the same dependencies.
type loader struct {
	dir   string
	fset  *token.FileSet
	sizes types.Sizes
	deps  map[*packages.Package]*types.Package
	roots []*packages.Package
}

const listMode = packages.NeedName | packages.NeedFiles | packages.NeedImports |
	packages.NeedDeps | packages.NeedModule

func newLoader(dir string) (*loader, error) {
	cfg := &packages.Config{Mode: listMode, Dir: dir, Env: goEnv()}
	roots, err := packages.Load(cfg, "./...")
	if err != nil {
		return nil, err
	}
	return &loader{
		dir:   dir,
		fset:  token.NewFileSet(),
		sizes: types.SizesFor("gc", build.Default.GOARCH),
		deps:  map[*packages.Package]*types.Package{},
		roots: roots,
	}, nil
}

// goEnv is the environment of every go command this program runs: the local
// toolchain, as bench/corpus.sh fetched the corpus with it.
func goEnv() []string {
	env := os.Environ()
	if os.Getenv("GOTOOLCHAIN") == "" {
		env = append(env, "GOTOOLCHAIN=local")
	}
	if os.Getenv("GOFLAGS") == "" {
		env = append(env, "GOFLAGS=-buildvcs=false")
	}
	return env
}

// depTypes type-checks p for its API, memoized.
func (l *loader) depTypes(p *packages.Package) *types.Package {
	if p.PkgPath == "unsafe" {
		return types.Unsafe
	}
	if t, ok := l.deps[p]; ok {
		return t
	}
	// Recorded before its imports are checked: an import that only
	// findTypes resolves can lead back to p (a file go list left out of
	// p.Imports), and p then gets this package, unfinished, instead of
	// type-checking itself again until the stack runs out.
	tp := types.NewPackage(p.PkgPath, p.Name)
	l.deps[p] = tp
	for _, imp := range p.Imports {
		l.depTypes(imp)
	}
	var files []*ast.File
	for _, name := range p.GoFiles {
		if f, _ := parser.ParseFile(l.fset, name, nil, parser.SkipObjectResolution); f != nil {
			files = append(files, f)
		}
	}
	conf := l.config(p)
	conf.IgnoreFuncBodies = true
	conf.Error = func(error) {}
	_ = types.NewChecker(conf, l.fset, tp, nil).Files(files)
	return tp
}

func (l *loader) config(p *packages.Package) *types.Config {
	conf := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			imp, ok := p.Imports[path]
			if !ok {
				return l.findTypes(p, path)
			}
			return l.depTypes(imp), nil
		}),
		FakeImportC: true,
		Sizes:       l.sizes,
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		conf.GoVersion = "go" + p.Module.GoVersion
	}
	return conf
}

// findTypes resolves an import a mutant added (context, net/http) from the
// package's dependency graph.
func (l *loader) findTypes(p *packages.Package, path string) (*types.Package, error) {
	var found *packages.Package
	seen := map[*packages.Package]bool{}
	var visit func(q *packages.Package)
	visit = func(q *packages.Package) {
		if seen[q] || found != nil {
			return
		}
		seen[q] = true
		if q.PkgPath == path {
			found = q
			return
		}
		for _, imp := range q.Imports {
			visit(imp)
		}
	}
	for _, r := range l.roots {
		visit(r)
	}
	if found == nil {
		return nil, fmt.Errorf("package %s is not in the module's import graph", path)
	}
	return l.depTypes(found), nil
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// source is one file of a package under study.
type source struct {
	Name string // absolute
	Src  []byte
}

// checked is a package under study, type-checked with its function bodies.
type checked struct {
	Pkg     *packages.Package
	Fset    *token.FileSet
	Files   []*ast.File
	Sources []source
	Info    *types.Info
	Types   *types.Package
	Errs    []types.Error

	selects      map[*types.Func]bool   // selectHelpers' result, computed once
	selectParams map[*types.Func][]bool // selectHelperParams' result, computed once
	bodies       *bool                  // readsBodies' result, computed once
}

// check parses and type-checks root's files, replacing file index repl (-1:
// none) by src.
func (l *loader) check(root *packages.Package, sources []source) *checked {
	c := &checked{Pkg: root, Fset: l.fset, Sources: sources}
	for _, s := range sources {
		f, err := parser.ParseFile(l.fset, s.Name, s.Src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			c.Errs = append(c.Errs, types.Error{Msg: "parse: " + err.Error()})
			return c
		}
		c.Files = append(c.Files, f)
	}
	c.Info = &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Instances:    map[*ast.Ident]types.Instance{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		Scopes:       map[ast.Node]*types.Scope{},
		FileVersions: map[*ast.File]string{},
	}
	conf := l.config(root)
	conf.Error = func(err error) {
		if te, ok := err.(types.Error); ok { // soft errors (unused variables and imports) fail a build too
			c.Errs = append(c.Errs, te)
		}
	}
	c.Types = types.NewPackage(root.PkgPath, root.Name)
	_ = types.NewChecker(conf, l.fset, c.Types, c.Info).Files(c.Files)
	return c
}

func readSources(p *packages.Package) ([]source, error) {
	var out []source
	for _, name := range p.GoFiles {
		b, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		out = append(out, source{Name: name, Src: b})
	}
	return out, nil
}

// skipDir reports whether prodlint's default configuration leaves a package
// unanalyzed, so it holds no sites: examples, test-support packages (a
// testonly, testing, testutil, testutils, mock or mocks element), and
// the non-production directories of rules.toml's defaults (samples,
// benchmarks, demos, end-to-end suites, test directories, development
// tools (cmd/dev, hack, devtools, the module's top-level tools and scripts
// directories),
// release commands, internal/testing, conformance suites, fuzzing
// harnesses, and commands named for a test, e2e, bench, loadtest, demo,
// harness or stress tool). A site there is never analyzed, so a mutant of
// it could only be missed.
func skipDir(rel string) bool {
	parts := strings.Split(filepath.ToSlash(rel), "/")
	if parts[0] == "tools" || parts[0] == "scripts" {
		return true // the module's top-level tools and scripts directories (rules.toml's "tools", "scripts")
	}
	for i, part := range parts {
		switch part {
		case "example", "examples", "_example", "_examples", "testonly", "testing", "testutil", "testutils", "mock", "mocks", "testdata", "vendor", "internal_test",
			"sample", "samples", "_sample", "_samples", "bench", "benchmark", "benchmarks", "loadtest", "loadtests",
			"demo", "demos", "e2e", "e2e-test", "e2e-tests", "integration-test", "integration-tests", "fuzz", "fuzzing",
			"test", "tests", "hack", "devtools", "conformance":
			return true
		}
		if i > 0 && parts[i-1] == "cmd" && (isToolName(part) || part == "dev" || part == "release") {
			return true
		}
		if i > 0 && parts[i-1] == "internal" && part == "testing" {
			return true
		}
	}
	return false
}

// isToolName: a command named for a test tool: its first word starts with
// test, e2e, bench, loadtest, demo, harness or stress, or a later word does
// (cmd/app-e2e).
func isToolName(name string) bool {
	words := strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' })
	for _, w := range words {
		for _, pre := range []string{"test", "e2e", "bench", "loadtest", "demo", "harness", "stress"} {
			if strings.HasPrefix(w, pre) {
				return true
			}
		}
	}
	return false
}

// skipFile reports whether prodlint's defaults skip the file: generated code
// and test-support files (importing testing or testify).
func skipFile(f *ast.File) bool {
	if ast.IsGenerated(f) {
		return true
	}
	for _, imp := range f.Imports {
		p := strings.Trim(imp.Path.Value, `"`)
		if p == "testing" || strings.HasPrefix(p, "github.com/stretchr/testify") {
			return true
		}
	}
	return false
}
