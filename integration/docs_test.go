package integration

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// docFiles are the documents whose `sh` blocks must work as written. The
// generated rule pages hold Go and TOML examples only; they are scanned
// anyway, so that a command added to them is checked too.
var docFiles = []string{"README.md", "docs/*.md", "docs/rules/*.md", "analyzers/CONTRIBUTING.md", "CHANGELOG.md"}

// skipped lists the documented commands that docs-check does not run, by
// the start of the command, each with the reason. An entry that matches no
// documented command fails the check, so that the list never outlives
// the docs.
var skipped = []struct{ prefix, reason string }{
	{"make test", "the whole suite, which runs this check"},
	{"golangci-lint custom", "git-clones golangci-lint from github.com, which CI cannot reach; scripts/build-custom-gcl.sh builds the same binary and TestGolangciLintPlugin runs it"},
	{"./bin/golangci-lint-prodlint run", "needs the binary `golangci-lint custom` writes (see above); TestGolangciLintPlugin runs the same binary"},
	{"scripts/build-custom-gcl.sh", "builds golangci-lint (minutes on 2 cores); TestGolangciLintPlugin runs this script"},
	{"GCL_VERSION=", "builds another golangci-lint version (minutes)"},
	{"VERSION=v2", "the manual golangci-lint build: downloads and compiles golangci-lint (minutes); scripts/build-custom-gcl.sh runs the same steps"},
	{"SRC=$(go mod download", "the manual golangci-lint build (see VERSION=)"},
	{`cp -R "$SRC" work`, "the manual golangci-lint build (see VERSION=)"},
	{"printf 'package main", "the manual golangci-lint build (see VERSION=)"},
	{"go mod edit -replace github.com/prodlint/prodlint", "the manual golangci-lint build (see VERSION=)"},
	{"go mod tidy", "the manual golangci-lint build (see VERSION=)"},
	{"go build -o golangci-lint-prodlint", "the manual golangci-lint build (see VERSION=)"},
	{"pre-commit try-repo /path/to/prodlint prodlint", "TestPreCommitHook runs this very command (pre-commit try-repo on this checkout) on a repository with staged changes, and checks its findings"},
	{"pre-commit run prodlint --all-files", "needs a .pre-commit-config.yaml naming a repository and commit to clone; `pre-commit try-repo` runs the same hook from this checkout"},
	{"make bench", "fetches the corpus and runs prodlint over it, and times four tools (an hour)"},
	{"make mutate", "fetches the corpus and runs prodlint on about four thousand mutants (about 50 minutes on an idle 2-core machine, bench/results/mutation.md states each run's time); its smoke test runs in make test"},
	{"bench/perf.sh", "needs the corpus (make corpus) and runs for an hour"},
	{"PERF_TOOLS=", "needs the corpus (make corpus) and runs for an hour"},
	{"go test ./analyzers -run '^$' -bench", "a benchmark run (minutes on 2 cores)"},
	{"go test ./cmd/prodlint -run TestLargeInputs", "runs in make test already (go test ./...)"},
}

// docCommand is one command of an `sh` block.
type docCommand struct {
	file string
	line int
	text string
}

func (c docCommand) String() string { return c.file + ":" + strconv.Itoa(c.line) + ": " + c.text }

// documentedCommands extracts the commands of the ```sh (or bash, shell)
// blocks of a Markdown file: one per line, continuation lines joined,
// blank and comment-only lines left out.
func documentedCommands(t *testing.T, path string) []docCommand {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rel, _ := filepath.Rel(repoRoot, path)
	var out []docCommand
	inFence, isShell := false, false
	var pending *docCommand
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		trimmed := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(trimmed, "```") {
			if inFence {
				inFence, isShell = false, false
			} else {
				lang := strings.TrimSpace(strings.TrimPrefix(trimmed, "```"))
				inFence, isShell = true, lang == "sh" || lang == "bash" || lang == "shell"
			}
			continue
		}
		if !isShell {
			continue
		}
		if pending != nil {
			pending.text += " " + strings.TrimSuffix(trimmed, "\\")
			if !strings.HasSuffix(trimmed, "\\") {
				out = append(out, *pending)
				pending = nil
			}
			continue
		}
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		c := docCommand{file: rel, line: n, text: strings.TrimSuffix(trimmed, "\\")}
		if strings.HasSuffix(trimmed, "\\") {
			pending = &c
			continue
		}
		out = append(out, c)
	}
	return out
}

// reported matches a finding (text, go vet or golangci-lint style), the
// summary line or a diff of fixes (go vet -fix -diff exits 1 with one): a
// command that exits 1 must have reported something.
var reported = regexp.MustCompile(`(?m)\[[a-z0-9-]+\] |^prodlint: \d+ findings? |^\+\+\+ \S`)

// TestDocumentedCommands runs every command of the `sh` blocks of README.md
// and docs/ (make docs-check) on a copy of the acceptance fixture, a module
// with findings, with the prodlint under test first on PATH. A command
// passes when it exits 0, or 1 having reported findings or a diff (make:
// 2, its recipe having failed so); anything else (an unknown flag, a missing
// file, a command not found) fails the check.
func TestDocumentedCommands(t *testing.T) {
	var cmds []docCommand
	for _, pattern := range docFiles {
		paths, _ := filepath.Glob(filepath.Join(repoRoot, pattern))
		for _, p := range paths {
			cmds = append(cmds, documentedCommands(t, p)...)
		}
	}
	if len(cmds) < 20 {
		t.Fatalf("found only %d documented commands; is the extraction broken?", len(cmds))
	}
	bin := t.TempDir()
	if err := os.Symlink(prodlintBin, filepath.Join(bin, "prodlint")); err != nil {
		t.Fatal(err)
	}
	_, hasPreCommit := exec.LookPath("pre-commit")
	gomodcache := strings.TrimSpace(run(t, repoRoot, nil, "go", "env", "GOMODCACHE").stdout)
	used := map[string]bool{}
	for _, c := range cmds {
		c := c
		if reason := skipReason(c.text, used); reason != "" {
			t.Logf("skipped %s\n\t(%s)", c, reason)
			continue
		}
		if strings.HasPrefix(c.text, "pre-commit ") && hasPreCommit != nil {
			t.Logf("skipped %s\n\t(pre-commit is not installed; TestPreCommitHook says how to install it)", c)
			continue
		}
		t.Run(c.file+":"+strconv.Itoa(c.line), func(t *testing.T) {
			sample := fixture(t, "acceptance")
			git := func(args ...string) {
				if r := run(t, sample, nil, "git", args...); r.code != 0 {
					t.Fatalf("git %v: %s", args, r.output())
				}
			}
			// The file the docs' examples of -config and $PRODLINT_CONFIG name.
			if err := os.MkdirAll(filepath.Join(sample, "ci"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(sample, "ci", "rules.toml"), []byte("[rules.http-timeout]\nseverity = \"warning\"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			// The module below the root that the -C example names.
			if err := os.MkdirAll(filepath.Join(sample, "services", "api"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(sample, "services", "api", "go.mod"), []byte("module example.com/api\n\ngo 1.22\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(sample, "services", "api", "api.go"), []byte("package api\n\nimport \"net/http\"\n\nfunc Ping(url string) (*http.Response, error) { return http.Get(url) }\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			git("init", "-q")
			git("add", ".")
			// The baseline the docs' examples of -baseline FILE read: written
			// first, as the docs say.
			if strings.Contains(c.text, "-baseline prodlint-baseline.json") {
				if r := run(t, sample, []string{"PRODLINT_CACHE=" + t.TempDir()}, prodlintBin, "-q", "-baseline", "write", "prodlint-baseline.json", "./..."); r.code != 0 && r.code != 1 {
					t.Fatalf("prodlint -baseline write: exit %d: %s", r.code, r.output())
				}
			}
			text := strings.NewReplacer("/path/to/project", sample, "/path/to/prodlint", repoRoot).Replace(c.text)
			dir := sample
			for _, p := range []string{"make ", "scripts/", "bench/", "go test ./", "go install ./"} {
				if strings.HasPrefix(text, p) {
					dir = repoRoot
				}
			}
			env := []string{
				"PATH=" + bin + string(os.PathListSeparator) + os.Getenv("PATH"),
				"GOWORK=off",
				"GOBIN=" + t.TempDir(), // go install writes here, not into the user's bin
				"PRODLINT_CACHE=" + t.TempDir(),
				"PRE_COMMIT_HOME=" + t.TempDir(),
				"GOMODCACHE=" + gomodcache,
			}
			r := run(t, dir, env, "bash", "-o", "pipefail", "-c", text)
			ok := r.code == 0 ||
				(r.code == 1 && reported.MatchString(r.output())) ||
				(r.code == 2 && strings.HasPrefix(text, "make ") && strings.Contains(r.output(), "Error 1") && reported.MatchString(r.output()))
			if !ok {
				t.Errorf("%s\nexit %d in %s:\n%s", c, r.code, dir, r.output())
			}
		})
	}
	for _, s := range skipped {
		if !used[s.prefix] {
			t.Errorf("the skip list names %q, which no documented command starts with: remove it", s.prefix)
		}
	}
}

func skipReason(cmd string, used map[string]bool) string {
	for _, s := range skipped {
		if strings.HasPrefix(cmd, s.prefix) {
			used[s.prefix] = true
			return s.reason
		}
	}
	return ""
}
