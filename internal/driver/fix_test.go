package driver

import (
	"fmt"
	"go/ast"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
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
		ID: "test-secret", Enabled: true, Severity: "error", Secrets: true,
		Doc: analyzers.Doc{Title: "fake secret rule"},
		Run: func(p *analyzers.Pass) error {
			p.Preorder([]ast.Node{(*ast.BasicLit)(nil)}, func(n ast.Node) {
				lit := n.(*ast.BasicLit)
				if lit.Kind != token.STRING || !strings.HasPrefix(lit.Value, `"AKIA`) {
					return
				}
				// The key whole in the message: ReportSecret masks it.
				key, _ := strconv.Unquote(lit.Value)
				p.ReportSecret(lit, analyzers.Secret{Values: []string{key}, Source: lit}, "AWS key "+key+" in source", analysis.SuggestedFix{
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

// renameCallRule reports calls of the function from and offers to call
// to instead, adding the import imp (when given and missing) after the
// file's last import: a stand-in for the fixes that add imports.
func renameCallRule(id, from, to, imp string) *analyzers.Rule {
	return &analyzers.Rule{
		ID: id, Enabled: true, Severity: "error",
		Doc: analyzers.Doc{Title: "rename calls"},
		Run: func(p *analyzers.Pass) error {
			for _, file := range p.Files {
				ast.Inspect(file, func(n ast.Node) bool {
					call, ok := n.(*ast.CallExpr)
					if !ok {
						return true
					}
					if fn, ok := call.Fun.(*ast.Ident); ok && fn.Name == from {
						edits := []analysis.TextEdit{{Pos: fn.Pos(), End: fn.End(), NewText: []byte(to)}}
						if imp != "" && !importsPath(file, imp) {
							last := file.Imports[len(file.Imports)-1]
							edits = append(edits, analysis.TextEdit{Pos: last.End(), End: last.End(), NewText: []byte("\n\t" + strconv.Quote(imp))})
						}
						p.Report(call, "call "+to+" instead of "+from, analysis.SuggestedFix{Message: "Call " + to, TextEdits: edits})
					}
					return true
				})
			}
			return nil
		},
	}
}

func importsPath(f *ast.File, path string) bool {
	for _, imp := range f.Imports {
		if imp.Path.Value == strconv.Quote(path) {
			return true
		}
	}
	return false
}

// chainSource needs three fixes in a first round (two of which add an
// import at the same point) and one more in a second: outer's fix makes
// upper's applicable.
const chainSource = `package m

import (
	"os"
)

func upper(s string) string { return s }
func mk(s string) error     { return nil }
func outer(s string) string { return s }

var _ = os.Args

func F() (string, error) {
	return upper("a") + outer("b"), mk("c")
}
`

const chainFixed = `package m

import (
	"errors"
	"os"
	"strings"
)

func upper(s string) string { return s }
func mk(s string) error     { return nil }
func outer(s string) string { return s }

var _ = os.Args

func F() (string, error) {
	return strings.ToUpper("a") + strings.ToUpper("b"), errors.New("c")
}
`

func chainRules() []*analyzers.Rule {
	return testRules(
		renameCallRule("test-upper", "upper", "strings.ToUpper", "strings"),
		renameCallRule("test-mk", "mk", "errors.New", "errors"),
		renameCallRule("test-outer", "outer", "upper", ""),
	)
}

func TestFixConvergesInOneRun(t *testing.T) {
	dir := writeModule(t, map[string]string{"m.go": chainSource})
	r := runProdlint(t, dir, chainRules(), "-fix")
	got, _ := os.ReadFile(filepath.Join(dir, "m.go"))
	if string(got) != chainFixed {
		t.Errorf("after one -fix:\n%s\nwant:\n%s\nstderr: %s", got, chainFixed, r.stderr)
	}
	if want := "prodlint: applied 4 fixes to 1 file in 2 rounds; 0 findings remain"; !strings.Contains(r.stderr, want) || r.code != ExitClean || r.stdout != "" {
		t.Errorf("exit %d, stdout %q, stderr %q; want exit 0 and %q", r.code, r.stdout, r.stderr, want)
	}
	mustBuildAndBeFormatted(t, dir)
}

func TestFixDiffIsAPatchOfTheSameFixes(t *testing.T) {
	dir := writeModule(t, map[string]string{"m.go": chainSource})
	r := runProdlint(t, dir, chainRules(), "-fix", "-diff")
	if got, _ := os.ReadFile(filepath.Join(dir, "m.go")); string(got) != chainSource {
		t.Fatal("-diff wrote the file")
	}
	if !strings.Contains(r.stderr, "the diff holds 4 fixes to 1 file in 2 rounds") {
		t.Errorf("stderr %q", r.stderr)
	}
	gitApply(t, dir, r.stdout)
	if got, _ := os.ReadFile(filepath.Join(dir, "m.go")); string(got) != chainFixed {
		t.Errorf("the patch gives:\n%s\nwant:\n%s\npatch:\n%s", got, chainFixed, r.stdout)
	}
}

// gitApply applies a patch in dir with git apply, as a user would.
func gitApply(t *testing.T, dir, patch string) {
	t.Helper()
	cmd := exec.Command("git", "apply", "-")
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(patch)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git apply refused the patch: %v\n%s\npatch:\n%s", err, out, patch)
	}
}

func TestImportInsertionsMergeOtherInsertionsConflict(t *testing.T) {
	accepted := map[string][]edit{"f.go": {{10, 10, "\n\t\"strings\""}}}
	if conflicts(accepted, map[string][]edit{"f.go": {{10, 10, "\n\t\"errors\""}}}) {
		t.Error("two import insertions at one point conflict")
	}
	if !conflicts(accepted, map[string][]edit{"f.go": {{10, 10, "x := 1\n"}}}) {
		t.Error("a statement and an import inserted at one point do not conflict")
	}
	if !conflicts(accepted, map[string][]edit{"f.go": {{5, 12, "y"}}}) {
		t.Error("overlapping edits do not conflict")
	}
	got, err := applyEdits([]byte("0123456789ABC"), []edit{{10, 10, "[s]"}, {10, 10, "[e]"}, {0, 1, "Z"}})
	if err != nil || string(got) != "Z123456789[e][s]ABC" {
		t.Errorf("applyEdits = %q, %v", got, err)
	}
}

// secretAndFar has a secret, and a fixable finding far enough from it
// that its hunk does not show it.
const secretAndFar = `package m

import "os"

var _ = os.Args

// The key is repeated in a comment: ` + fakeKey + `
var key = "` + fakeKey + `"

func F() { panic(key) }

func upper(s string) string { return s }
func lower(s string) string { return s }

func G() string {
	return upper("x")
}
`

func TestFixDiffLeavesOutSecretHunks(t *testing.T) {
	dir := writeModule(t, map[string]string{"m.go": secretAndFar})
	rules := testRules(fakeSecretRule(), renameCallRule("test-upper", "upper", "lower", ""))
	r := runProdlint(t, dir, rules, "-diff")
	if strings.Contains(r.stdout+r.stderr, fakeKey) {
		t.Fatalf("the whole secret appears in -diff output:\n%s\n%s", r.stdout, r.stderr)
	}
	for _, want := range []string{"--- a/m.go", "+++ b/m.go", `-	return upper("x")`, `+	return lower("x")`} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("diff lacks %q:\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "var key") || strings.Contains(r.stdout, "AKIA") {
		t.Errorf("the patch shows the secret's line:\n%s", r.stdout)
	}
	for _, want := range []string{
		"prodlint: -diff leaves out the fix of m.go:8 [test-secret]: its hunk would show a secret",
		"the diff holds 1 fix to 1 file; 2 findings remain: 1 with no fix, 1 whose fix -diff leaves out",
		"[test-panic-call]",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if r.code != ExitFindings {
		t.Errorf("exit %d, want 1", r.code)
	}
	gitApply(t, dir, r.stdout)
	got, _ := os.ReadFile(filepath.Join(dir, "m.go"))
	if want := strings.Replace(secretAndFar, `return upper("x")`, `return lower("x")`, 1); string(got) != want {
		t.Errorf("after git apply:\n%s", got)
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
	if r.code != ExitFindings || !strings.Contains(r.stdout, "[test-panic-call]") || !strings.Contains(r.stderr, "applied 1 fix to 1 file; 1 finding remains, none with a fix") {
		t.Errorf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if strings.Contains(r.stdout+r.stderr, fakeKey) {
		t.Error("-fix prints the secret")
	}
}

// A hunk left out of a patch (for holding a secret) must not break the
// ones after it: their new-side line numbers account for it.
func TestDiffWithoutAHunkStillApplies(t *testing.T) {
	var old, updated strings.Builder
	for i := 1; i <= 30; i++ {
		fmt.Fprintf(&old, "line %d\n", i)
		switch i {
		case 3:
			updated.WriteString("secret line\nanother\n")
		case 20:
			updated.WriteString("changed 20\n")
		default:
			fmt.Fprintf(&updated, "line %d\n", i)
		}
	}
	hunks := diffHunks(old.String(), updated.String())
	if len(hunks) != 2 || !strings.Contains(hunks[0].text(), "secret") {
		t.Fatalf("want two hunks, the first with the secret: %+v", hunks)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "f.txt"), []byte(old.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	gitApply(t, dir, renderDiff("a/f.txt", "b/f.txt", hunks[1:]))
	got, _ := os.ReadFile(filepath.Join(dir, "f.txt"))
	if want := strings.Replace(old.String(), "line 20\n", "changed 20\n", 1); string(got) != want {
		t.Errorf("after applying the second hunk alone:\n%s", got)
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

func TestDropUnusedImports(t *testing.T) {
	before := "package m\n\nimport (\n\t\"context\"\n\tyaml \"gopkg.in/yaml.v3\"\n\t\"strings\"\n)\n\nvar _ = context.Background()\nvar _ = strings.ToUpper\nvar _ = yaml.Marshal\n"
	after := "package m\n\nimport (\n\t\"context\"\n\tyaml \"gopkg.in/yaml.v3\"\n\t\"strings\"\n)\n\nvar _ = ctx\nvar _ = strings.ToUpper\nvar _ = yaml.Marshal\n"
	want := "package m\n\nimport (\n\tyaml \"gopkg.in/yaml.v3\"\n\t\"strings\"\n)\n\nvar _ = ctx\nvar _ = strings.ToUpper\nvar _ = yaml.Marshal\n"
	if got := string(dropUnusedImports([]byte(before), []byte(after))); got != want {
		t.Errorf("dropUnusedImports:\n%s\nwant:\n%s", got, want)
	}
	// An import whose uses the file never had (its name is not its
	// path's last element) is left alone.
	odd := "package m\n\nimport \"example.com/go-thing\"\n\nvar _ = thing.X\n"
	if got := string(dropUnusedImports([]byte(odd), []byte(odd))); got != odd {
		t.Errorf("an import with a different name was touched:\n%s", got)
	}
}

// A fix that breaks the build is a bug in the fix: -fix must not write
// it, and must say so.
func TestFixThatBreaksTheBuildIsNotApplied(t *testing.T) {
	dir := writeModule(t, map[string]string{"m.go": chainSource})
	rules := testRules(renameCallRule("test-break", "upper", "undefinedFunction", ""))
	r := runProdlint(t, dir, rules, "-fix")
	if got, _ := os.ReadFile(filepath.Join(dir, "m.go")); string(got) != chainSource {
		t.Errorf("a fix that does not compile was written:\n%s", got)
	}
	for _, want := range []string{"undefined: undefinedFunction", "the fixes of round 1 leave code that does not compile", "applied 0 fixes to 0 files; 1 finding remains: 1 whose fix, or one applied with it, would not compile"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if r.code != ExitFindings || !strings.Contains(r.stdout, "[test-break]") {
		t.Errorf("exit %d, stdout %q", r.code, r.stdout)
	}
}
