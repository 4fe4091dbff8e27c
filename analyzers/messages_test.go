package analyzers_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/prodlint/prodlint/analyzers"
)

// TestMessagesNameWhatTheyReport runs every rule, all switched on, over
// every fixture package and fails if two findings at different positions
// in one package share a message. golangci-lint reports all of prodlint
// as one linter and by default keeps only three issues with the same
// text, so a message must name what it reports (the variable, callee or
// field, or else the enclosing function) for distinct findings to survive.
func TestMessagesNameWhatTheyReport(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every rule over every fixture")
	}
	var on strings.Builder
	for _, r := range analyzers.Rules() {
		fmt.Fprintf(&on, "[rules.%s]\nenabled = true\n", r.ID)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, analyzers.ConfigFileName)
	if err := os.WriteFile(path, []byte(on.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := analyzers.LoadConfig(path)
	if err != nil {
		t.Fatal(err)
	}
	testdata, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(filepath.Join(testdata, "src"))
	if err != nil {
		t.Fatal(err)
	}
	var pkgs []string
	for _, e := range entries {
		// Fixture packages are single directories; the stubs of
		// third-party modules live under dotted host names.
		if e.IsDir() && !strings.Contains(e.Name(), ".") {
			pkgs = append(pkgs, e.Name()+"/...")
		}
	}
	if len(pkgs) < 20 {
		t.Fatalf("found only %d fixture packages under %s", len(pkgs), testdata)
	}
	loaded, err := packages.Load(&packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  testdata,
		// GOPATH mode over the shared testdata, as analysistest loads it.
		Env:   append(os.Environ(), "GOPATH="+testdata, "GO111MODULE=off", "GOWORK=off"),
		Tests: true,
	}, pkgs...)
	if err != nil {
		t.Fatal(err)
	}
	graph, err := checker.Analyze(analyzers.New(analyzers.Options{Config: cfg}), loaded, nil)
	if err != nil {
		t.Fatal(err)
	}
	at := map[string]map[string]map[string]bool{} // package -> message -> positions
	findings := 0
	for act := range graph.All() {
		if !act.IsRoot {
			continue
		}
		if act.Err != nil {
			t.Errorf("%s: %v", act, act.Err)
		}
		pkg := strings.TrimSuffix(act.Package.PkgPath, "_test")
		for _, d := range act.Diagnostics {
			if at[pkg] == nil {
				at[pkg] = map[string]map[string]bool{}
			}
			if at[pkg][d.Message] == nil {
				at[pkg][d.Message] = map[string]bool{}
			}
			pos := act.Package.Fset.Position(d.Pos).String()
			if !at[pkg][d.Message][pos] {
				findings++
			}
			at[pkg][d.Message][pos] = true
		}
	}
	for pkg, msgs := range at {
		for msg, set := range msgs {
			if len(set) < 2 {
				continue
			}
			var positions []string
			for p := range set {
				positions = append(positions, p)
			}
			sort.Strings(positions)
			t.Errorf("%d findings in package %s share one message; name the variable, callee, field or function:\n  %s\n  at %s",
				len(positions), pkg, msg, strings.Join(positions, "\n     "))
		}
	}
	if findings < 100 {
		t.Errorf("only %d findings over %d fixture packages: the fixtures did not run", findings, len(pkgs))
	}
}
