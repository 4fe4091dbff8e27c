package integration

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// One prodlint -fix applies every fix, including those that only become
// applicable once another is in (two fixes of one literal), and leaves
// only findings that have no fix.
func TestFixConvergesInOneRun(t *testing.T) {
	dir := fixture(t, "fixrounds")
	r := run(t, dir, []string{"PRODLINT_CONFIG="}, prodlintBin, "-fix", "./...")
	if r.code != 1 || !strings.Contains(r.stderr, "prodlint: applied 5 fixes to 1 file in 2 rounds; 4 findings remain, none with a fix") {
		t.Fatalf("prodlint -fix: exit %d, want 1 and the summary on stderr:\n%s", r.code, r.output())
	}
	after := run(t, dir, []string{"PRODLINT_CONFIG="}, prodlintBin, "-json", "./...")
	if strings.Contains(after.stdout, `"suggested_fixes"`) {
		t.Errorf("after one -fix a finding still has a fix:\n%s", after.stdout)
	}
	if b := run(t, dir, []string{"GOWORK=off"}, "go", "build", "./..."); b.code != 0 {
		t.Fatalf("the fixed module does not build:\n%s", b.output())
	}
	if g := run(t, dir, nil, "gofmt", "-l", "."); strings.TrimSpace(g.stdout) != "" {
		t.Errorf("the fixed file is not gofmt-clean: %s", g.stdout)
	}

	// -fix -diff prints the same fixes as a patch git apply accepts.
	other := fixture(t, "fixrounds")
	d := run(t, other, []string{"PRODLINT_CONFIG="}, prodlintBin, "-fix", "-diff", "./...")
	if !strings.Contains(d.stderr, "the diff holds 5 fixes to 1 file in 2 rounds") || !strings.HasPrefix(d.stdout, "--- a/main.go\n+++ b/main.go\n") {
		t.Fatalf("prodlint -fix -diff: exit %d\n%s", d.code, d.output())
	}
	gitApply(t, other, d.stdout)
	if got, want := readFile(t, filepath.Join(other, "main.go")), readFile(t, filepath.Join(dir, "main.go")); got != want {
		t.Errorf("the patch gives\n%s\n-fix gives\n%s", got, want)
	}
}

// gitApply applies a patch in dir as a user would, with git apply.
func gitApply(t *testing.T, dir, patch string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "fix.patch")
	if err := os.WriteFile(path, []byte(patch), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := run(t, dir, nil, "git", "apply", path); r.code != 0 {
		t.Fatalf("git apply refused the patch:\n%s\npatch:\n%s", r.output(), patch)
	}
}

// Neither prodlint -fix -diff nor go vet -vettool=prodlint -fix -diff
// prints a flagged secret: the fixes whose hunks would show one are left
// out, and both say so; the rest of the patch still applies.
func TestFixDiffNeverShowsASecret(t *testing.T) {
	dir := secretsModule(t)
	// A fix far from the secrets, which the patch can show.
	far := "package main\n\nimport \"net/http\"\n\nfunc status() (*http.Response, error) {\n\tclient := &http.Client{}\n\treturn client.Get(\"https://api.internal/v1/status\")\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "status.go"), []byte(far), 0o644); err != nil {
		t.Fatal(err)
	}
	env := []string{"PRODLINT_CONFIG="}
	d := run(t, dir, env, prodlintBin, "-fix", "-diff", "./...")
	assertNoSecret(t, "prodlint -fix -diff", d.output())
	if !strings.Contains(d.stdout, "+++ b/status.go") || strings.Contains(d.stdout, "main.go") {
		t.Errorf("want a patch of status.go only:\n%s", d.stdout)
	}
	if !strings.Contains(d.stderr, "prodlint: -diff leaves out the fix of main.go:") {
		t.Errorf("prodlint -fix -diff does not say it left fixes out:\n%s", d.stderr)
	}
	gitApply(t, dir, d.stdout)
	if !strings.Contains(readFile(t, filepath.Join(dir, "status.go")), "Timeout:") {
		t.Error("the patch did not fix status.go")
	}

	// Before this, go vet -fix -diff printed the secret-literal fix's
	// hunk, the secret whole on its "-" line.
	vet := goVet(t, dir, env, "-fix", "-diff", "./...")
	assertNoSecret(t, "go vet -vettool -fix -diff", vet.output())
	if !strings.Contains(vet.output(), "-diff leaves out the fix of") || !strings.Contains(vet.output(), "main.go:") {
		t.Errorf("go vet -fix -diff does not say it left fixes out:\n%s", vet.output())
	}
	// go vet -fix alone still applies them.
	goVet(t, dir, env, "-fix", "./...")
	if src := readFile(t, filepath.Join(dir, "main.go")); !strings.Contains(src, "os.Getenv(") {
		t.Errorf("go vet -fix did not replace the literals:\n%s", src)
	}
}
