package driver

import (
	"go/ast"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/prodlint/prodlint/analyzers"
)

// echoRule reports string literals that start with "hello", quoting them
// in its message: a rule that marks no secret, whose text must reach the
// output unmasked.
func echoRule() *analyzers.Rule {
	return &analyzers.Rule{
		ID: "test-echo", Enabled: true, Severity: "warning",
		Doc: analyzers.Doc{Title: "echo literals"},
		Run: func(p *analyzers.Pass) error {
			p.Preorder([]ast.Node{(*ast.BasicLit)(nil)}, func(n ast.Node) {
				if lit := n.(*ast.BasicLit); lit.Kind == token.STRING && strings.HasPrefix(lit.Value, `"hello`) {
					p.Report(lit, "literal "+lit.Value+" echoed")
				}
			})
			return nil
		},
	}
}

const echoText = "hello, visible words"

// Every output route masks what a rule marks as secret, even when the
// rule itself leaks it in its message, and leaves other findings alone.
func TestSecretMaskedInEveryRoute(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"m.go":    secretSource,
		"echo.go": "package m\n\nvar greeting = \"" + echoText + "\"\n",
	})
	rules := testRules(leakySecretRule(), echoRule())

	// The rule really leaks: its own diagnostic holds the key whole.
	t.Setenv(analyzers.ConfigEnv, "")
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax, Dir: dir}, ".")
	if err != nil || len(pkgs) != 1 || len(pkgs[0].Errors) > 0 {
		t.Fatalf("load: %v %v", err, pkgs)
	}
	graph, err := checker.Analyze(analyzers.New(analyzers.Options{Rules: rules, Loader: analyzers.NewConfigLoader(rules...)}), pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	leaked := false
	for _, act := range graph.Roots {
		for _, d := range act.Diagnostics {
			leaked = leaked || strings.Contains(d.Message, fakeKey)
		}
	}
	if !leaked {
		t.Fatal("the leaky rule does not report the key, so this test proves nothing")
	}

	cache := t.TempDir()
	t.Setenv(CacheEnv, cache)
	for _, args := range [][]string{nil, {"-json"}, {"-sarif"}, nil /* warm: from the cache */} {
		r := runProdlint(t, dir, rules, args...)
		if strings.Contains(r.stdout+r.stderr, fakeKey) {
			t.Errorf("prodlint %v shows the secret:\n%s%s", args, r.stdout, r.stderr)
		}
		if !strings.Contains(r.stdout, "AKIA**") {
			t.Errorf("prodlint %v shows no masked form of the secret:\n%s", args, r.stdout)
		}
		if !strings.Contains(r.stdout, echoText) {
			t.Errorf("prodlint %v masks a rule that marks no secret:\n%s", args, r.stdout)
		}
	}
	cached := 0
	filepath.WalkDir(cache, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, _ := os.ReadFile(path)
		if strings.Contains(string(data), fakeKey) {
			t.Errorf("cache file %s holds the secret", path)
		}
		if strings.Contains(string(data), echoText) {
			cached++
		}
		return nil
	})
	if cached == 0 {
		t.Error("no cache file holds the findings, so the cache check proves nothing")
	}

	runProdlint(t, dir, rules, "-baseline", "write", "base.json")
	data := readTestFile(t, filepath.Join(dir, "base.json"))
	if strings.Contains(data, fakeKey) || !strings.Contains(data, "AKIA") || !strings.Contains(data, echoText) {
		t.Errorf("the baseline holds the secret, no masked form of it, or a masked non-secret:\n%s", data)
	}
	if r := runProdlint(t, dir, rules, "-baseline", "base.json"); r.code != ExitClean || r.stdout != "" {
		t.Errorf("the masked entry does not match its finding: exit %d, stdout %q", r.code, r.stdout)
	}
}
