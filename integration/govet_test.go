package integration

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// goVet runs the real go vet with prodlint as its vet tool.
func goVet(t *testing.T, dir string, env []string, args ...string) result {
	t.Helper()
	args = append([]string{"vet", "-vettool=" + prodlintBin}, args...)
	return run(t, dir, append([]string{"GOWORK=off"}, env...), "go", args...)
}

func TestGoVetReportsAndHonoursConfig(t *testing.T) {
	dir := fixture(t, "acceptance")
	r := goVet(t, dir, nil, "./...")
	if r.code == 0 {
		t.Fatalf("go vet exited 0 on findings; output:\n%s", r.output())
	}
	out := r.output()
	// The acceptance check: both findings of the http.Get and the key.
	wantFindings(t, out, "main.go", "http-timeout", "secret-literal")
	// quiet/rules.toml, found by walking up from quiet/inner, switches
	// http-timeout off there; the other rules still run.
	wantFindings(t, out, "quiet/inner/inner.go", "secret-literal")
	wantNoFindings(t, out, "quiet/inner/inner.go", "http-timeout")
	// The //prodlint:ignore directive silences its finding; the directive
	// naming an unknown rule is itself reported.
	wantNoFindings(t, out, "ignored/ignored.go", "http-timeout")
	wantFindings(t, out, "ignored/ignored.go", "ignore-directive")
	// Secrets never reach the output whole.
	if strings.Contains(out, "AKIAZ7Q4LMRT2XVN5KPW") {
		t.Errorf("go vet output shows the secret unmasked:\n%s", out)
	}
}

func TestGoVetProdlintConfigEnv(t *testing.T) {
	dir := fixture(t, "acceptance")
	cfg := filepath.Join(t.TempDir(), "ci-rules.toml")
	if err := os.WriteFile(cfg, []byte("[rules.secret-literal]\nenabled = false\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := goVet(t, dir, []string{"PRODLINT_CONFIG=" + cfg}, "./...")
	out := r.output()
	// $PRODLINT_CONFIG governs every package, in place of the rules.toml
	// files below the module: quiet/rules.toml no longer applies.
	wantFindings(t, out, "main.go", "http-timeout")
	wantFindings(t, out, "quiet/inner/inner.go", "http-timeout")
	wantNoFindings(t, out, "main.go", "secret-literal")
	wantNoFindings(t, out, "quiet/inner/inner.go", "secret-literal")
}

func TestGoVetBadConfigFails(t *testing.T) {
	dir := fixture(t, "acceptance")
	if err := os.WriteFile(filepath.Join(dir, "rules.toml"), []byte("[rules.ignore-directive]\nenabled = \"yes\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := goVet(t, dir, nil, ".")
	// go vet must fail and show the file, line and key, once: the first
	// analyzer carries the configuration error, the others stay silent.
	want := "rules.toml:2: rules.ignore-directive.enabled: wants true or false"
	if r.code == 0 || strings.Count(r.output(), want) != 1 {
		t.Errorf("go vet with an invalid rules.toml: exit %d, want a failure showing %q once; output:\n%s", r.code, want, r.output())
	}
}

func TestGoVetFix(t *testing.T) {
	dir := fixture(t, "fixable")
	main := filepath.Join(dir, "main.go")
	before := readFile(t, main)

	r := goVet(t, dir, nil, "-fix", "./...")
	after := readFile(t, main)
	if after == before {
		t.Fatalf("go vet -fix left main.go unchanged (exit %d); output:\n%s", r.code, r.output())
	}
	if !strings.Contains(after, "Timeout: 30 * time.Second") || !strings.Contains(after, `"time"`) {
		t.Errorf("go vet -fix did not add the Timeout and the time import:\n%s", after)
	}
	if b := run(t, dir, []string{"GOWORK=off"}, "go", "build", "./..."); b.code != 0 {
		t.Fatalf("the fixed module does not build:\n%s\n%s", b.output(), after)
	}
	if g := run(t, dir, nil, "gofmt", "-l", "."); strings.TrimSpace(g.stdout) != "" {
		t.Errorf("the fixed file is not gofmt-clean:\n%s", after)
	}
	again := goVet(t, dir, nil, "./...")
	wantNoFindings(t, again.output(), "main.go", "http-timeout")
}

// The go command caches each package's vet result, keyed by its Go files
// and the vet tool's -V=full answer. These tests run go vet twice in the
// same directory with the same build cache and change only the
// configuration in between: the second run must see the change.

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestGoVetSeesRulesTomlEdit(t *testing.T) {
	dir := fixture(t, "acceptance")
	out := goVet(t, dir, nil, "./...").output()
	wantFindings(t, out, "quiet/inner/inner.go", "secret-literal")
	wantFindings(t, out, "main.go", "http-timeout")

	quiet := filepath.Join(dir, "quiet", "rules.toml")
	writeFile(t, quiet, readFile(t, quiet)+"\n[rules.secret-literal]\nenabled = false\n")
	writeFile(t, filepath.Join(dir, "rules.toml"), "tests = false\n[rules.http-timeout]\nenabled = false\n")
	r := goVet(t, dir, nil, "./...")
	out = r.output()
	wantNoFindings(t, out, "quiet/inner/inner.go", "secret-literal")
	wantNoFindings(t, out, "main.go", "http-timeout")
	wantFindings(t, out, "main.go", "secret-literal")
}

func TestGoVetBrokenThenFixedConfig(t *testing.T) {
	dir := fixture(t, "acceptance")
	root := filepath.Join(dir, "rules.toml")
	good := readFile(t, root)
	writeFile(t, root, good+"[rules.http-timeout]\nenabled = \"yes\"\n")
	want := "rules.toml:5: rules.http-timeout.enabled: wants true or false"
	for i := range 2 {
		// The error is not cached as a clean result: it shows every time.
		r := goVet(t, dir, nil, "./...")
		if r.code == 0 || !strings.Contains(r.output(), want) {
			t.Fatalf("run %d with an invalid rules.toml: exit %d, want a failure showing %q; output:\n%s", i+1, r.code, want, r.output())
		}
	}
	writeFile(t, root, good)
	r := goVet(t, dir, nil, "./...")
	if r.code == 0 {
		t.Errorf("go vet exited 0 after the configuration was fixed; output:\n%s", r.output())
	}
	wantFindings(t, r.output(), "main.go", "http-timeout", "secret-literal")
	if strings.Contains(r.output(), want) {
		t.Errorf("the fixed configuration is still reported as invalid:\n%s", r.output())
	}
}

func TestGoVetSeesProdlintConfigEdit(t *testing.T) {
	dir := fixture(t, "acceptance")
	cfg := filepath.Join(t.TempDir(), "ci-rules.toml")
	env := []string{"PRODLINT_CONFIG=" + cfg}

	writeFile(t, cfg, "[rules.secret-literal]\nenabled = false\n")
	out := goVet(t, dir, env, "./...").output()
	wantFindings(t, out, "main.go", "http-timeout")
	wantNoFindings(t, out, "main.go", "secret-literal")

	writeFile(t, cfg, "[rules.http-timeout]\nenabled = false\n")
	out = goVet(t, dir, env, "./...").output()
	wantFindings(t, out, "main.go", "secret-literal")
	wantNoFindings(t, out, "main.go", "http-timeout")

	writeFile(t, cfg, "[rules.http-timeout]\nenabled = 1\n")
	r := goVet(t, dir, env, "./...")
	if want := "ci-rules.toml:2: rules.http-timeout.enabled: wants true or false"; r.code == 0 || !strings.Contains(r.output(), want) {
		t.Fatalf("invalid $PRODLINT_CONFIG: exit %d, want a failure showing %q; output:\n%s", r.code, want, r.output())
	}
	writeFile(t, cfg, "[rules.http-timeout]\nenabled = false\n")
	out = goVet(t, dir, env, "./...").output()
	wantFindings(t, out, "main.go", "secret-literal")
	wantNoFindings(t, out, "main.go", "http-timeout")
}
