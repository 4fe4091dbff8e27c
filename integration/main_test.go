package integration

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var (
	// repoRoot is the prodlint checkout under test.
	repoRoot string
	// prodlintBin is the prodlint command, built once by TestMain.
	prodlintBin string
)

func TestMain(m *testing.M) {
	os.Exit(runMain(m))
}

func runMain(m *testing.M) int {
	var err error
	if repoRoot, err = filepath.Abs(".."); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	tmp, err := os.MkdirTemp("", "prodlint-integration-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(tmp)
	prodlintBin = filepath.Join(tmp, "prodlint")
	build := exec.Command("go", "build", "-o", prodlintBin, "./cmd/prodlint")
	build.Dir = repoRoot
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building prodlint: %v\n%s", err, out)
		return 1
	}
	return m.Run()
}

// result is what a command did.
type result struct {
	stdout, stderr string
	code           int
}

// output is stdout and stderr together, for messages and searches.
func (r result) output() string { return r.stdout + r.stderr }

// run runs a command in dir with extra environment variables, and fails
// the test when it could not be started at all.
func run(t *testing.T, dir string, env []string, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String()}
	if err != nil {
		exit, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
		}
		r.code = exit.ExitCode()
	}
	return r
}

// fixture copies testdata/name into a fresh temporary directory and
// returns the copy's path, so that tests may change it (-fix) and so that
// the walk up for rules.toml never reaches this repository.
func fixture(t *testing.T, name string) string {
	t.Helper()
	src := filepath.Join("testdata", name)
	dst := filepath.Join(t.TempDir(), name)
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatalf("copying fixture %s: %v", name, err)
	}
	return dst
}

// finding is one line of go vet style output: file:line:col: [rule] message.
type finding struct {
	file string // slash-separated, as printed
	line int
	rule string
}

func (f finding) String() string { return fmt.Sprintf("%s:%d [%s]", f.file, f.line, f.rule) }

// findingLine matches a finding as go vet and prodlint print it,
// "file:line:col: [rule] message", and as golangci-lint does, with the
// analyzer's name before the message and " (prodlint)" after it.
var findingLine = regexp.MustCompile(`^(.+?\.go):(\d+):\d+: (?:[a-z0-9_]+: )?\[([a-z0-9-]+)\] `)

// parseFindings extracts the findings from text output.
func parseFindings(out string) []finding {
	var fs []finding
	for _, line := range strings.Split(out, "\n") {
		m := findingLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		n, _ := strconv.Atoi(m[2])
		file := strings.TrimPrefix(filepath.ToSlash(m[1]), "./")
		fs = append(fs, finding{file: file, line: n, rule: m[3]})
	}
	return fs
}

// hasFinding reports whether fs holds a finding of rule in file, a
// slash-separated path or a trailing part of one ("inner/inner.go").
func hasFinding(fs []finding, file, rule string) bool {
	for _, f := range fs {
		if f.rule == rule && (f.file == file || strings.HasSuffix(f.file, "/"+file)) {
			return true
		}
	}
	return false
}

// wantFindings fails the test unless out reports each rule in the file.
func wantFindings(t *testing.T, out, file string, rules ...string) {
	t.Helper()
	fs := parseFindings(out)
	for _, r := range rules {
		if !hasFinding(fs, file, r) {
			t.Errorf("no [%s] finding in %s; output:\n%s", r, file, out)
		}
	}
}

// wantNoFindings fails the test if out reports any of the rules in the
// file.
func wantNoFindings(t *testing.T, out, file string, rules ...string) {
	t.Helper()
	fs := parseFindings(out)
	for _, r := range rules {
		if hasFinding(fs, file, r) {
			t.Errorf("unexpected [%s] finding in %s; output:\n%s", r, file, out)
		}
	}
}

// readFile returns a file's contents or fails the test.
func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
