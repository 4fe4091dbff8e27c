package driver

import (
	"encoding/json"
	"go/ast"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prodlint/prodlint/analyzers"
)

const twoPanics = `package m

func F() {
	panic(1)
}

func G() {
	panic(2)
}
`

// The code after a change: a comment moves every line, F panics twice,
// G no longer does.
const twoPanicsLater = `package m

// A comment that moves every line below it.

func F() {
	panic(1)
	panic(3)
}

func G() {}
`

func TestBaselineReportsOnlyNewFindings(t *testing.T) {
	dir := writeModule(t, map[string]string{"m.go": twoPanics})
	w := runProdlint(t, dir, testRules(), "-baseline", "write", "base.json")
	if w.code != ExitClean || w.stdout != "" || !strings.Contains(w.stderr, "wrote 2 findings (2 entries) to base.json") {
		t.Fatalf("-baseline write: exit %d, stdout %q, stderr %q", w.code, w.stdout, w.stderr)
	}
	var file baselineFile
	if err := json.Unmarshal([]byte(readTestFile(t, filepath.Join(dir, "base.json"))), &file); err != nil {
		t.Fatal(err)
	}
	if len(file.Entries) != 2 || file.Entries[0].Function != "F" || file.Entries[0].File != "m.go" || file.Entries[0].Rule != "test-panic-call" ||
		strings.ContainsAny(file.Entries[0].Message, "0123456789[") {
		t.Errorf("entries: %+v", file.Entries)
	}

	same := runProdlint(t, dir, testRules(), "-baseline", "base.json")
	if same.code != ExitClean || same.stdout != "" || !strings.Contains(same.stderr, "0 findings new, 2 baselined, 0 no longer found") {
		t.Errorf("unchanged code: exit %d, stdout %q, stderr %q", same.code, same.stdout, same.stderr)
	}

	if err := os.WriteFile(filepath.Join(dir, "m.go"), []byte(twoPanicsLater), 0o644); err != nil {
		t.Fatal(err)
	}
	later := runProdlint(t, dir, testRules(), "-baseline", "base.json")
	if later.code != ExitFindings || strings.Count(later.stdout, "\n") != 1 || !strings.Contains(later.stdout, "m.go:7:2: [test-panic-call]") {
		t.Errorf("want only the second panic in F: exit %d, stdout %q", later.code, later.stdout)
	}
	if !strings.Contains(later.stderr, "1 finding new, 1 baselined, 1 no longer found (fixed)") {
		t.Errorf("stderr %q", later.stderr)
	}

	sarif := runProdlint(t, dir, testRules(), "-sarif", "-baseline", "base.json")
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID        string `json:"ruleId"`
				BaselineState string `json:"baselineState"`
			} `json:"results"`
			Properties map[string]map[string]int `json:"properties"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(sarif.stdout), &log); err != nil {
		t.Fatal(err)
	}
	res := log.Runs[0].Results
	if len(res) != 1 || res[0].BaselineState != "new" || log.Runs[0].Properties["prodlintBaseline"]["absent"] != 1 || log.Runs[0].Properties["prodlintBaseline"]["unchanged"] != 1 {
		t.Errorf("SARIF with a baseline: %+v", log.Runs[0])
	}
	js := runProdlint(t, dir, testRules(), "-json", "-baseline", "base.json")
	if strings.Count(js.stdout, `"posn"`) != 1 {
		t.Errorf("JSON with a baseline: %s", js.stdout)
	}
}

func TestBaselineErrors(t *testing.T) {
	dir := writeModule(t, map[string]string{"m.go": twoPanics})
	if r := runProdlint(t, dir, testRules(), "-baseline", "missing.json"); r.code != ExitUsage || !strings.Contains(r.stderr, "-baseline write missing.json") {
		t.Errorf("missing baseline: exit %d, stderr %q", r.code, r.stderr)
	}
	if r := runProdlint(t, dir, testRules(), "-baseline", "write"); r.code != ExitUsage {
		t.Errorf("-baseline write without a file: exit %d", r.code)
	}
	if r := runProdlint(t, dir, testRules(), "-fix", "-baseline", "x.json"); r.code != ExitUsage {
		t.Errorf("-fix with -baseline: exit %d", r.code)
	}
}

// leakySecretRule marks the secret's source but reports it whole in its
// message, as a careless rule might: the baseline must still never hold it.
func leakySecretRule() *analyzers.Rule {
	return &analyzers.Rule{
		ID: "test-leaky-secret", Enabled: true, Severity: "error", Secrets: true,
		Doc: analyzers.Doc{Title: "leaky secret rule"},
		Run: func(p *analyzers.Pass) error {
			p.Preorder([]ast.Node{(*ast.BasicLit)(nil)}, func(n ast.Node) {
				lit := n.(*ast.BasicLit)
				if lit.Kind == token.STRING && strings.HasPrefix(lit.Value, `"AKIA`) {
					p.ReportSecret(lit, analyzers.Secret{Source: lit}, "key "+lit.Value+" in source")
				}
			})
			return nil
		},
	}
}

func TestNormalizeMessage(t *testing.T) {
	got := normalizeMessage("r", "[r] pool of 100 opened at line 42 with key AKIASECRETSECRET", []string{"AKIASECRETSECRET"})
	if want := "pool of N opened at line N with key AKIA************"; got != want {
		t.Errorf("normalizeMessage = %q, want %q", got, want)
	}
}

func TestNewFromRev(t *testing.T) {
	dir := writeModule(t, map[string]string{"m.go": twoPanics})
	gitIn(t, dir, "init", "-q")
	gitIn(t, dir, "add", ".")
	gitIn(t, dir, "-c", "user.email=ci@example.com", "-c", "user.name=CI", "commit", "-q", "-m", "start")
	changed := strings.Replace(twoPanics, "func G() {\n\tpanic(2)\n}\n", "func G() {\n\tpanic(2)\n}\n\nfunc H() {\n\tpanic(4)\n}\n", 1)
	if err := os.WriteFile(filepath.Join(dir, "m.go"), []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "new.go"), []byte("package m\n\nfunc N() { panic(5) }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runProdlint(t, dir, testRules(), "-new-from-rev", "HEAD")
	if r.code != ExitFindings || strings.Count(r.stdout, "\n") != 2 || !strings.Contains(r.stdout, "m.go:12:2: ") || !strings.Contains(r.stdout, "new.go:3:12: ") {
		t.Errorf("want the panics of H and of the untracked file only: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	sarif := runProdlint(t, dir, testRules(), "-sarif", "-new-from-rev", "HEAD")
	if strings.Count(sarif.stdout, `"baselineState": "new"`) != 2 {
		t.Errorf("SARIF results lack baselineState new:\n%s", sarif.stdout)
	}
	if r := runProdlint(t, dir, testRules(), "-new-from-rev", "no-such-rev"); r.code != ExitUsage || !strings.Contains(r.stderr, `"no-such-rev" is not a revision`) {
		t.Errorf("bad revision: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestParseUnifiedZero(t *testing.T) {
	diff := "diff --git a/x.go b/x.go\n--- a/x.go\n+++ b/x.go\n@@ -3,0 +4,2 @@\n+a\n+b\n@@ -10 +12 @@\n-c\n+d\n@@ -20,3 +21,0 @@\n-e\n" +
		"--- a/gone.go\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n"
	got := parseUnifiedZero("/r", []byte(diff))
	want := [][2]int{{4, 5}, {12, 12}}
	if len(got) != 1 || len(got[filepath.Join("/r", "x.go")]) != 2 || got[filepath.Join("/r", "x.go")][0] != want[0] || got[filepath.Join("/r", "x.go")][1] != want[1] {
		t.Errorf("parseUnifiedZero = %v, want x.go: %v", got, want)
	}
}

func gitIn(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

func readTestFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// writeTree writes files under a fresh directory, with no go.mod added.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestChdirFlag(t *testing.T) {
	root := writeTree(t, map[string]string{
		"svc/go.mod": "module example.com/svc\n\ngo 1.22\n",
		"svc/m.go":   panicky,
	})
	r := runProdlint(t, root, testRules(), "-C", "svc")
	if r.code != ExitFindings || !strings.HasPrefix(r.stdout, "m.go:4:2: [test-panic-call]") {
		t.Errorf("-C svc: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if r := runProdlint(t, root, testRules(), "-C", "nowhere"); r.code != ExitUsage {
		t.Errorf("-C to a missing directory: exit %d", r.code)
	}
}

func TestModulesOf(t *testing.T) {
	root := writeTree(t, map[string]string{
		"a/go.mod":     "module example.com/a\n\ngo 1.22\n",
		"a/pkg/m.go":   strings.Replace(panicky, "package m", "package pkg", 1),
		"b/go.mod":     "module example.com/b\n\ngo 1.22\n",
		"b/m.go":       panicky,
		"loose/x.go":   panicky,
		"docs/note.md": "text\n",
	})
	r := runProdlint(t, root, testRules(), "-modules-of", "a/pkg/m.go", "docs/note.md")
	if r.code != ExitFindings || r.stdout != "a/pkg/m.go:4:2: [test-panic-call] panic called: the process dies; return an error (in F)\n" {
		t.Errorf("-modules-of a/pkg/m.go: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	r = runProdlint(t, root, testRules(), "-modules-of", "a/go.mod", "b/m.go", "a/pkg/m.go", "loose/x.go")
	if strings.Count(r.stdout, "[test-panic-call]") != 2 || !strings.Contains(r.stdout, "b/m.go:4:2") || !strings.Contains(r.stderr, "loose/x.go is in no module") {
		t.Errorf("two modules: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	// A rules.toml above the modules governs them all.
	if err := os.WriteFile(filepath.Join(root, "rules.toml"), []byte("tests = false\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = runProdlint(t, root, testRules(), "-modules-of", "rules.toml")
	if strings.Count(r.stdout, "[test-panic-call]") != 2 {
		t.Errorf("rules.toml at the root: stdout %q, stderr %q", r.stdout, r.stderr)
	}
	if r := runProdlint(t, root, testRules(), "-modules-of", "docs/note.md"); r.code != ExitClean || r.stdout != "" {
		t.Errorf("no module: exit %d, stdout %q", r.code, r.stdout)
	}
}
