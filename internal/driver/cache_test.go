package driver

import (
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/prodlint/prodlint/analyzers"
)

// countingRule reports panic calls like panicCallRule and counts the
// packages it analyzed, so that tests can see what the cache replayed.
func countingRule(n *atomic.Int32) *analyzers.Rule {
	r := panicCallRule()
	inner := r.Run
	r.Run = func(p *analyzers.Pass) error {
		n.Add(1)
		return inner(p)
	}
	return r
}

func TestResultCache(t *testing.T) {
	t.Setenv(CacheEnv, t.TempDir())
	dir := writeModule(t, map[string]string{
		"a/a.go": "package a\n\nfunc A() int { panic(1) }\n",
		"b/b.go": "package b\n\nimport \"example.com/m/a\"\n\nfunc B() int { panic(a.A()) }\n",
		"c/c.go": "package c\n\nfunc C() { panic(3) }\n",
	})
	var analyzed atomic.Int32
	rules := []*analyzers.Rule{countingRule(&analyzed)}
	runAndCount := func(args ...string) (result, int32) {
		analyzed.Store(0)
		r := runProdlint(t, dir, rules, args...)
		return r, analyzed.Load()
	}

	first, n := runAndCount()
	if n != 3 || strings.Count(first.stdout, "\n") != 3 {
		t.Fatalf("cold run analyzed %d packages, output:\n%s", n, first.stdout)
	}
	again, n := runAndCount()
	if n != 0 || again.stdout != first.stdout || again.code != first.code {
		t.Fatalf("warm run analyzed %d packages (want 0) or printed otherwise:\n%s", n, again.stdout)
	}

	// Editing a re-analyzes a and its importer b, not c.
	if err := os.WriteFile(filepath.Join(dir, "a/a.go"), []byte("package a\n\nfunc A() int { return 1 }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	edited, n := runAndCount()
	if n != 2 || strings.Contains(edited.stdout, "a/a.go") || !strings.Contains(edited.stdout, "c/c.go") {
		t.Fatalf("after editing a: analyzed %d packages (want 2), output:\n%s", n, edited.stdout)
	}

	// A new rules.toml governs every package: nothing is replayed.
	if err := os.WriteFile(filepath.Join(dir, "rules.toml"), []byte("[rules.test-panic-call]\nseverity = \"info\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r, n := runAndCount(); n != 3 || r.code != ExitClean {
		t.Fatalf("after a configuration change: analyzed %d packages (want 3), exit %d", n, r.code)
	}
	if _, n := runAndCount("-no-cache"); n != 3 {
		t.Fatalf("-no-cache analyzed %d packages, want 3", n)
	}
	// Flags that change findings are part of the key.
	if r, n := runAndCount("-disable", "test-panic-call"); n != 0 || r.stdout != "" {
		t.Fatalf("-disable: analyzed %d, output %q", n, r.stdout)
	}
}

func TestBrokenPackagesAreNeverCached(t *testing.T) {
	t.Setenv(CacheEnv, t.TempDir())
	dir := writeModule(t, map[string]string{"bad/bad.go": "package bad\n\nfunc F() int { return \"s\" }\n"})
	for i := 0; i < 2; i++ {
		if r := runProdlint(t, dir, testRules()); r.code != ExitAnalysis || !strings.Contains(r.stderr, "bad.go:3:") {
			t.Fatalf("run %d: exit %d, stderr %q", i+1, r.code, r.stderr)
		}
	}
}

// An internal package that only test files import is test support, which
// files of other packages decide: adding a non-test importer must bring its
// findings back on a warm cache.
func TestTestOnlyInternalPackageFollowsImporters(t *testing.T) {
	t.Setenv(CacheEnv, t.TempDir())
	dir := writeModule(t, map[string]string{
		"internal/harness/h.go": "package harness\n\nfunc H() int { panic(1) }\n",
		"m_test.go":             "package m\n\nimport (\n\t\"testing\"\n\n\t\"example.com/m/internal/harness\"\n)\n\nfunc TestH(t *testing.T) { harness.H() }\n",
		"m.go":                  "package m\n",
	})
	rules := []*analyzers.Rule{panicCallRule()}
	if r := runProdlint(t, dir, rules); r.code != ExitClean || r.stdout != "" {
		t.Fatalf("harness only tests import: exit %d, output %q", r.code, r.stdout)
	}
	if err := os.MkdirAll(filepath.Join(dir, "cmd/tool"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "cmd/tool/main.go"), []byte("package main\n\nimport \"example.com/m/internal/harness\"\n\nfunc main() { harness.H() }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runProdlint(t, dir, rules, "./internal/..."); !strings.Contains(r.stdout, "internal/harness/h.go:3") {
		t.Fatalf("after a command imports the harness: exit %d, output %q", r.code, r.stdout)
	}
}
