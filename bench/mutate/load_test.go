package main

import (
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestSkipDir: the directories prodlint's default configuration treats as
// non-production hold no sites (a mutant there could only be missed), and
// the production directories that look like them still do.
func TestSkipDir(t *testing.T) {
	for rel, want := range map[string]bool{
		"tools/auth":                      true,  // the module's top-level tools directory
		"pkg/tools/search":                false, // a tools package deeper down may be production
		"internal/cmd/fluxtest-harness-x": true,
		"cmd/stress-client":               true,
		"cmd/dev":                         true,
		"cmd/release":                     true,
		"cmd/server":                      false,
		"hack/gen":                        true,
		"devtools/lint":                   true,
		"internal/testing":                true,
		"internal/testing/fake":           true,
		"pkg/testing":                     true, // test support (a testing element), analyzed only with tests = true
		"test/integration":                true,
		"conformance/v1":                  true,
		"services/httpd":                  false,
		"internal/credentials":            false,
		"examples/basic":                  true,
		"app/vlagent/kubernetescollector": false,
		"lib/connections":                 false,
	} {
		if got := skipDir(rel); got != want {
			t.Errorf("skipDir(%q) = %v, want %v", rel, got, want)
		}
	}
}

// TestDepTypesImportLeadingBack: a file whose import go list did not record
// (so findTypes resolves it from the graph) can lead back to the package
// being checked; the loader then ends with the package unfinished instead
// of checking it again until the stack runs out.
func TestDepTypesImportLeadingBack(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "x.go")
	src := "package x\n\nimport _ \"example.com/x\"\n\nfunc F() int { return 1 }\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	p := &packages.Package{PkgPath: "example.com/x", Name: "x", GoFiles: []string{file}, Imports: map[string]*packages.Package{}}
	l := &loader{dir: dir, fset: token.NewFileSet(), sizes: types.SizesFor("gc", "amd64"),
		deps: map[*packages.Package]*types.Package{}, roots: []*packages.Package{p}}
	tp := l.depTypes(p)
	if tp == nil || tp.Scope().Lookup("F") == nil {
		t.Fatalf("depTypes(%s) = %v, want the package with F declared", p.PkgPath, tp)
	}
	if l.depTypes(p) != tp {
		t.Fatal("depTypes is not memoized")
	}
}
