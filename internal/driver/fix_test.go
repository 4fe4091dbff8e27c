package driver

import (
	"go/ast"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/prodlint/prodlint/analyzers"
)

const fakeKey = "AKIAZZZZEXAMPLE0TEST"

// fakeSecretRule stands in for secret-literal: it flags string literals
// starting with AKIA and offers to replace them with an environment read.
func fakeSecretRule() *analyzers.Rule {
	return &analyzers.Rule{
		ID: "secret-literal", Enabled: true, Severity: "error",
		Doc: analyzers.Doc{Title: "fake secret rule"},
		Run: func(p *analyzers.Pass) error {
			p.Preorder([]ast.Node{(*ast.BasicLit)(nil)}, func(n ast.Node) {
				lit := n.(*ast.BasicLit)
				if lit.Kind != token.STRING || !strings.HasPrefix(lit.Value, `"AKIA`) {
					return
				}
				p.Report(lit, "AWS key AKIA**** in source", analysis.SuggestedFix{
					Message:   "Read the key from the environment",
					TextEdits: []analysis.TextEdit{{Pos: lit.Pos(), End: lit.End(), NewText: []byte(`os.Getenv("AWS_KEY")`)}},
				})
			})
			return nil
		},
	}
}

const secretSource = `package m

import "os"

var _ = os.Args

// The key is repeated in a comment: ` + fakeKey + `
var key = "` + fakeKey + `"

func F() { panic(key) }
`

func TestFixDiffMasksSecrets(t *testing.T) {
	dir := writeModule(t, map[string]string{"m.go": secretSource})
	rules := testRules(fakeSecretRule())
	r := runProdlint(t, dir, rules, "-diff")
	if strings.Contains(r.stdout+r.stderr, fakeKey) {
		t.Fatalf("the whole secret appears in -diff output:\n%s\n%s", r.stdout, r.stderr)
	}
	for _, want := range []string{"--- a/m.go", "+++ b/m.go", `-var key = "AKIA****************"`, `+var key = os.Getenv("AWS_KEY")`} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("diff lacks %q:\n%s", want, r.stdout)
		}
	}
	if !strings.Contains(r.stderr, "[test-panic-call]") || r.code != ExitFindings {
		t.Errorf("-diff: the unfixable finding should remain on stderr with exit 1: exit %d, stderr %q", r.code, r.stderr)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "m.go")); string(got) != secretSource {
		t.Error("-diff wrote the file")
	}
	for _, format := range []string{"-json", "-sarif", ""} {
		args := []string{}
		if format != "" {
			args = append(args, format)
		}
		if r := runProdlint(t, dir, rules, args...); strings.Contains(r.stdout+r.stderr, fakeKey) {
			t.Errorf("the whole secret appears in %q output", format)
		}
	}
}

func TestFixRewritesFiles(t *testing.T) {
	dir := writeModule(t, map[string]string{"m.go": secretSource})
	r := runProdlint(t, dir, testRules(fakeSecretRule()), "-fix")
	got, _ := os.ReadFile(filepath.Join(dir, "m.go"))
	if !strings.Contains(string(got), `var key = os.Getenv("AWS_KEY")`) {
		t.Errorf("file not fixed:\n%s", got)
	}
	if r.code != ExitFindings || !strings.Contains(r.stdout, "[test-panic-call]") || !strings.Contains(r.stderr, "applied 1 fixes to 1 files") {
		t.Errorf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}

func TestUnifiedDiff(t *testing.T) {
	old := "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\n"
	updated := "a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\n"
	got := unifiedDiff("a/x", "b/x", old, updated)
	want := "--- a/x\n+++ b/x\n@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n d\n e\n@@ -9,3 +9,4 @@\n i\n j\n k\n+l\n"
	if got != want {
		t.Errorf("diff:\n%s\nwant:\n%s", got, want)
	}
	if unifiedDiff("a", "b", old, old) != "" {
		t.Error("equal texts give a diff")
	}
}
