package integration

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var (
	gclOnce sync.Once
	gclPath string
	gclLog  string
	gclErr  error
)

// customGolangciLint returns a golangci-lint binary with the prodlint
// module plugin compiled in, built by scripts/build-custom-gcl.sh from the
// Go module proxy. It lives in the Go build cache's directory, so that it
// survives across runs and clones: the script rebuilds it only when the
// pinned version, the Go toolchain or prodlint's sources change.
func customGolangciLint(t *testing.T) string {
	t.Helper()
	gclOnce.Do(func() {
		cache := strings.TrimSpace(run(t, repoRoot, nil, "go", "env", "GOCACHE").stdout)
		dir := filepath.Join(cache, "prodlint-gcl")
		if cache == "" || cache == "off" {
			dir = filepath.Join(repoRoot, ".cache", "golangci-lint-prodlint") // gitignored
		}
		gclPath = filepath.Join(dir, "golangci-lint")
		t.Logf("building golangci-lint with the prodlint plugin into %s (minutes on a cold cache, seconds when cached)", gclPath)
		r := run(t, repoRoot, nil, "bash", filepath.Join("scripts", "build-custom-gcl.sh"), gclPath)
		gclLog = r.output()
		if r.code != 0 {
			gclErr = errors.New("build failed")
		}
	})
	if gclErr != nil {
		t.Fatalf("scripts/build-custom-gcl.sh failed:\n%s", gclLog)
	}
	return gclPath
}

// golangciConfig is a .golangci.yml that runs prodlint alone. uniq-by-line
// is off because golangci-lint's default keeps one issue per line: a
// second finding on a line another linter (or another prodlint rule)
// already reported would be dropped. The two max-* limits are lifted so
// that no finding is hidden from the assertions.
func golangciConfig(settings string) string {
	cfg := `version: "2"
linters:
  default: none
  enable:
    - prodlint
  settings:
    custom:
      prodlint:
        type: module
        description: production-readiness checks (github.com/prodlint/prodlint)
`
	if settings != "" {
		cfg += "        settings:\n"
		for _, line := range strings.Split(strings.TrimRight(settings, "\n"), "\n") {
			cfg += "          " + line + "\n"
		}
	}
	return cfg + `issues:
  uniq-by-line: false
  max-issues-per-linter: 0
  max-same-issues: 0
`
}

// golangciLint writes cfg as dir/.golangci.yml and runs the custom binary
// there, with a cache of its own so that no earlier run's results are
// replayed.
func golangciLint(t *testing.T, dir, cfg string, args ...string) result {
	t.Helper()
	return golangciLintCached(t, dir, cfg, t.TempDir(), nil, args...)
}

// golangciLintCached is golangciLint with the given cache directory and
// extra environment, for tests of what a second run replays.
func golangciLintCached(t *testing.T, dir, cfg, cache string, env []string, args ...string) result {
	t.Helper()
	bin := customGolangciLint(t)
	if err := os.WriteFile(filepath.Join(dir, ".golangci.yml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	env = append([]string{"GOWORK=off", "GOLANGCI_LINT_CACHE=" + cache}, env...)
	return run(t, dir, env, bin, append([]string{"run"}, args...)...)
}

func TestGolangciLintPlugin(t *testing.T) {
	dir := fixture(t, "acceptance")
	r := golangciLint(t, dir, golangciConfig(""), "./...")
	out := r.output()
	if r.code != 1 {
		t.Errorf("golangci-lint exited %d, want 1 (issues found); output:\n%s", r.code, out)
	}
	// The acceptance check: both findings of the http.Get and the key.
	wantFindings(t, out, "main.go", "http-timeout", "secret-literal")
	// Without settings, the plugin finds each package's rules.toml as the
	// prodlint command does: quiet/rules.toml switches http-timeout off.
	wantFindings(t, out, "quiet/inner/inner.go", "secret-literal")
	wantNoFindings(t, out, "quiet/inner/inner.go", "http-timeout")
	// //prodlint:ignore directives work inside golangci-lint too.
	wantNoFindings(t, out, "ignored/ignored.go", "http-timeout")
	wantFindings(t, out, "ignored/ignored.go", "ignore-directive")
	if !strings.Contains(out, "(prodlint)") {
		t.Errorf("findings are not attributed to the prodlint linter:\n%s", out)
	}
}

func TestGolangciLintPluginSettings(t *testing.T) {
	dir := fixture(t, "acceptance")
	settings := `rules:
  secret-literal:
    enabled: false
  http-timeout:
    severity: warning
    timeout: 10s
`
	r := golangciLint(t, dir, golangciConfig(settings), "./...")
	out := r.output()
	// Settings govern every package, in place of the rules.toml files.
	wantFindings(t, out, "main.go", "http-timeout")
	wantFindings(t, out, "quiet/inner/inner.go", "http-timeout")
	wantNoFindings(t, out, "main.go", "secret-literal")
	wantNoFindings(t, out, "quiet/inner/inner.go", "secret-literal")
}

func TestGolangciLintPluginRejectsUnknownKey(t *testing.T) {
	dir := fixture(t, "acceptance")
	r := golangciLint(t, dir, golangciConfig("rules:\n  ignore-directive:\n    enable: false\n"), "./...")
	out := r.output()
	if r.code == 0 || r.code == 1 {
		t.Errorf("golangci-lint exited %d with an unknown settings key, want a configuration failure; output:\n%s", r.code, out)
	}
	if !strings.Contains(out, "prodlint settings: rules.ignore-directive.enable: unknown key") {
		t.Errorf("the error does not name the unknown key:\n%s", out)
	}
}

func TestGolangciLintFix(t *testing.T) {
	dir := fixture(t, "fixable")
	main := filepath.Join(dir, "main.go")
	before := readFile(t, main)
	r := golangciLint(t, dir, golangciConfig(""), "--fix", "./...")
	after := readFile(t, main)
	if after == before {
		t.Fatalf("golangci-lint --fix left main.go unchanged (exit %d); output:\n%s", r.code, r.output())
	}
	if !strings.Contains(after, "Timeout: 30 * time.Second") || !strings.Contains(after, `"time"`) {
		t.Errorf("golangci-lint --fix did not add the Timeout and the time import:\n%s", after)
	}
	if b := run(t, dir, []string{"GOWORK=off"}, "go", "build", "./..."); b.code != 0 {
		t.Fatalf("the fixed module does not build:\n%s\n%s", b.output(), after)
	}
	again := golangciLint(t, dir, golangciConfig(""), "./...")
	wantNoFindings(t, again.output(), "main.go", "http-timeout")
}

// golangci-lint caches each package's issues, keyed by the package's
// files, its own settings and the linters' analyzer names. These tests run
// it twice with one cache and change only prodlint's configuration in
// between: the second run must see the change, with no cache clean.

func TestGolangciLintSeesRulesTomlEdit(t *testing.T) {
	dir := fixture(t, "acceptance")
	cache := t.TempDir()
	out := golangciLintCached(t, dir, golangciConfig(""), cache, nil, "./...").output()
	wantFindings(t, out, "quiet/inner/inner.go", "secret-literal")
	wantFindings(t, out, "main.go", "http-timeout")

	quiet := filepath.Join(dir, "quiet", "rules.toml")
	writeFile(t, quiet, readFile(t, quiet)+"\n[rules.secret-literal]\nenabled = false\n")
	writeFile(t, filepath.Join(dir, "rules.toml"), "tests = false\n[rules.http-timeout]\nenabled = false\n")
	out = golangciLintCached(t, dir, golangciConfig(""), cache, nil, "./...").output()
	wantNoFindings(t, out, "quiet/inner/inner.go", "secret-literal")
	wantNoFindings(t, out, "main.go", "http-timeout")
	wantFindings(t, out, "main.go", "secret-literal")
}

func TestGolangciLintBrokenThenFixedConfig(t *testing.T) {
	dir := fixture(t, "acceptance")
	cache := t.TempDir()
	root := filepath.Join(dir, "rules.toml")
	good := readFile(t, root)
	writeFile(t, root, good+"[rules.http-timeout]\nenabled = \"yes\"\n")
	want := "prodlint: " + root + ":5: rules.http-timeout.enabled: wants true or false"
	for _, args := range [][]string{{"./..."}, {"--output.json.path", "stdout", "./..."}} {
		// The error is the same with -json, and is not cached as a clean
		// result: it shows on the second run too.
		r := golangciLintCached(t, dir, golangciConfig(""), cache, nil, args...)
		if r.code == 0 || r.code == 1 || !strings.Contains(r.output(), want) {
			t.Errorf("golangci-lint %v with an invalid rules.toml: exit %d, want a configuration failure showing %q; output:\n%s",
				args, r.code, want, r.output())
		}
		if strings.Contains(r.output(), "ignore_directive") {
			t.Errorf("the configuration error is reported under a rule's analyzer:\n%s", r.output())
		}
	}
	writeFile(t, root, good)
	r := golangciLintCached(t, dir, golangciConfig(""), cache, nil, "./...")
	if r.code != 1 {
		t.Errorf("golangci-lint exited %d after the configuration was fixed, want 1; output:\n%s", r.code, r.output())
	}
	wantFindings(t, r.output(), "main.go", "http-timeout", "secret-literal")
}

func TestGolangciLintSeesProdlintConfigEdit(t *testing.T) {
	dir := fixture(t, "acceptance")
	cache := t.TempDir()
	cfg := filepath.Join(t.TempDir(), "ci-rules.toml")
	env := []string{"PRODLINT_CONFIG=" + cfg}

	writeFile(t, cfg, "[rules.secret-literal]\nenabled = false\n")
	out := golangciLintCached(t, dir, golangciConfig(""), cache, env, "./...").output()
	wantFindings(t, out, "main.go", "http-timeout")
	wantNoFindings(t, out, "main.go", "secret-literal")

	writeFile(t, cfg, "[rules.http-timeout]\nenabled = false\n")
	out = golangciLintCached(t, dir, golangciConfig(""), cache, env, "./...").output()
	wantFindings(t, out, "main.go", "secret-literal")
	wantNoFindings(t, out, "main.go", "http-timeout")
}

// documentedGolangciConfig returns the .golangci.yml docs/integrations.md
// shows, so that the test runs what users copy.
func documentedGolangciConfig(t *testing.T) string {
	t.Helper()
	doc := readFile(t, filepath.Join(repoRoot, "docs", "integrations.md"))
	start := strings.Index(doc, "```yaml\n# .golangci.yml\n")
	if start < 0 {
		t.Fatal("docs/integrations.md shows no .golangci.yml block")
	}
	block := doc[start+len("```yaml\n"):]
	return block[:strings.Index(block, "```")]
}

func TestGolangciLintDocumentedConfigShowsEveryFinding(t *testing.T) {
	dir := fixture(t, "acceptance")
	// More findings than golangci-lint's default cap per linter (50),
	// and more findings with one text than its default cap per text (3):
	// four calls in one function.
	var src strings.Builder
	src.WriteString("package many\n\nimport \"net/http\"\n\n")
	for i := range 55 {
		fmt.Fprintf(&src, "func Get%d(url string) (*http.Response, error) { return http.Get(url) }\n\n", i)
	}
	src.WriteString("func All(u string) {\n")
	for range 4 {
		src.WriteString("\tif r, err := http.Get(u); err == nil {\n\t\tr.Body.Close()\n\t}\n")
	}
	src.WriteString("}\n")
	if err := os.MkdirAll(filepath.Join(dir, "many"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "many", "many.go"), src.String())

	standalone := run(t, dir, []string{"GOWORK=off"}, prodlintBin, "-no-cache", "./many")
	want := len(parseFindings(standalone.output()))
	if want < 59 {
		t.Fatalf("prodlint reports %d findings in many/, want at least 59; output:\n%s", want, standalone.output())
	}
	r := golangciLint(t, dir, documentedGolangciConfig(t), "./many")
	if got := len(parseFindings(r.output())); got != want {
		t.Errorf("golangci-lint with the documented .golangci.yml shows %d findings, prodlint %d; output:\n%s", got, want, r.output())
	}
}
