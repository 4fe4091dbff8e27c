package driver

import (
	"go/ast"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/prodlint/prodlint/analyzers"
)

// panicsFact marks a function that calls panic, directly or through a
// function of another package.
type panicsFact struct{ Via string }

func (*panicsFact) AFact()           {}
func (f *panicsFact) String() string { return "panics " + f.Via }

// panicFactRule reports a call of a function of another package that
// panics (known only through a fact), and records which packages it
// analyzed with syntax.
func panicFactRule(mu *sync.Mutex, analyzed *[]string) *analyzers.Rule {
	return &analyzers.Rule{
		ID: "test-panics-across", Enabled: true, Severity: "error",
		Doc:       analyzers.Doc{Title: "report calls of functions that panic"},
		FactTypes: []analysis.Fact{(*panicsFact)(nil)},
		Run: func(p *analyzers.Pass) error {
			mu.Lock()
			*analyzed = append(*analyzed, p.Pkg.Path())
			mu.Unlock()
			for _, f := range p.Files {
				for _, d := range f.Decls {
					fd, ok := d.(*ast.FuncDecl)
					if !ok || fd.Body == nil {
						continue
					}
					obj := p.TypesInfo.Defs[fd.Name]
					ast.Inspect(fd.Body, func(n ast.Node) bool {
						call, ok := n.(*ast.CallExpr)
						if !ok {
							return true
						}
						if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "panic" {
							p.ExportObjectFact(obj, &panicsFact{Via: "panic"})
						}
						if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
							callee, _ := p.TypesInfo.Uses[sel.Sel].(*types.Func)
							var fact panicsFact
							if callee != nil && callee.Pkg() != p.Pkg && p.ImportObjectFact(callee, &fact) {
								p.ExportObjectFact(obj, &panicsFact{Via: callee.Name()})
								p.Report(call, callee.Name()+" panics ("+fact.Via+")")
							}
						}
						return true
					})
				}
			}
			return nil
		},
	}
}

// TestFactCacheReanalyzesOnlyEditedAndImporters: a warm run after a
// one-file edit analyzes (with syntax) only the edited package and its
// importers; the facts of their unchanged dependencies come from the
// cache, and an importer's finding that rests on a dependency's fact is
// the same as on a cold run. Editing the dependency changes the finding.
func TestFactCacheReanalyzesOnlyEditedAndImporters(t *testing.T) {
	t.Setenv(CacheEnv, t.TempDir())
	const a = "package a\n\nfunc A() { panic(1) }\n"
	dir := writeModule(t, map[string]string{
		"a/a.go": a,
		"b/b.go": "package b\n\nimport \"example.com/m/a\"\n\nfunc B() { a.A() }\n",
		"c/c.go": "package c\n\nimport \"example.com/m/b\"\n\nfunc C() { b.B() }\n",
		"d/d.go": "package d\n\nfunc D() {}\n",
	})
	var mu sync.Mutex
	var analyzed []string
	rules := []*analyzers.Rule{panicFactRule(&mu, &analyzed)}
	runOnce := func(args ...string) (result, string) {
		t.Helper()
		analyzed = nil
		r := runProdlint(t, dir, rules, args...)
		mu.Lock()
		defer mu.Unlock()
		list := append([]string(nil), analyzed...)
		sort.Strings(list)
		return r, strings.Join(list, " ")
	}
	edit := func(name, content string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	cold, pkgs := runOnce("./c")
	if pkgs != "example.com/m/a example.com/m/b example.com/m/c" || !strings.Contains(cold.stdout, "c/c.go:5:12: [test-panics-across] B panics (A)") {
		t.Fatalf("cold: analyzed %q, stdout %q, stderr %q", pkgs, cold.stdout, cold.stderr)
	}
	// A comment in c: only c is analyzed; b's fact is replayed.
	edit("c/c.go", "package c\n\nimport \"example.com/m/b\"\n\nfunc C() { b.B() }\n\n// edited\n")
	warm, pkgs := runOnce("./c")
	if pkgs != "example.com/m/c" || warm.stdout != cold.stdout {
		t.Fatalf("warm after editing c: analyzed %q (want only c), stdout %q, stderr %q", pkgs, warm.stdout, warm.stderr)
	}
	// Editing b re-analyzes b and its importer c, not a.
	edit("b/b.go", "package b\n\nimport \"example.com/m/a\"\n\nfunc B() { a.A() }\n\n// edited\n")
	if r, pkgs := runOnce("./c"); pkgs != "example.com/m/b example.com/m/c" || r.stdout != cold.stdout {
		t.Fatalf("after editing b: analyzed %q (want b and c), stdout %q", pkgs, r.stdout)
	}
	// a no longer panics: b's fact goes, and c's finding with it.
	edit("a/a.go", "package a\n\nfunc A() {}\n")
	if r, pkgs := runOnce("./c"); pkgs != "example.com/m/a example.com/m/b example.com/m/c" || r.stdout != "" || r.code != ExitClean {
		t.Fatalf("after editing a: analyzed %q, exit %d, stdout %q", pkgs, r.code, r.stdout)
	}
	// Back to panicking: the finding returns.
	edit("a/a.go", a)
	if r, _ := runOnce("./c"); r.stdout != cold.stdout {
		t.Fatalf("after restoring a: stdout %q, want %q", r.stdout, cold.stdout)
	}
	// Without the cache every dependency is analyzed.
	if _, pkgs := runOnce("-no-cache", "./c"); pkgs != "example.com/m/a example.com/m/b example.com/m/c" {
		t.Fatalf("-no-cache: analyzed %q", pkgs)
	}
}

// TestFactCacheDependencyEdit: request-body-unbounded's finding in an
// importer follows an edit of the middleware package it imports, while the
// importer's own files stay the same.
func TestFactCacheDependencyEdit(t *testing.T) {
	t.Setenv(CacheEnv, t.TempDir())
	dir := writeModule(t, map[string]string{"mw/mw.go": factMiddleware, "api/api.go": factAPI, "other/other.go": "package other\n"})
	rules := []*analyzers.Rule{analyzers.RuleByID("request-body-unbounded")}
	if r := runProdlint(t, dir, rules, "./..."); r.code != ExitClean || r.stdout != "" {
		t.Fatalf("cold: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	mw := filepath.Join(dir, "mw", "mw.go")
	unlimited := strings.Replace(factMiddleware, "r.Body = http.MaxBytesReader(w, r.Body, 1<<20)\n", "", 1)
	if err := os.WriteFile(mw, []byte(unlimited), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runProdlint(t, dir, rules, "./..."); r.code != ExitFindings || !strings.Contains(r.stdout, "api/api.go:11:13: [request-body-unbounded]") {
		t.Fatalf("middleware no longer limits: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if err := os.WriteFile(mw, []byte(factMiddleware), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runProdlint(t, dir, rules, "./..."); r.code != ExitClean || r.stdout != "" {
		t.Fatalf("middleware limits again: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	// Only the importer edited: the middleware's fact comes from the cache.
	api := filepath.Join(dir, "api", "api.go")
	if err := os.WriteFile(api, []byte(factAPI+"\n// edited\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runProdlint(t, dir, rules, "./api"); r.code != ExitClean || r.stdout != "" {
		t.Fatalf("importer edited: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}
