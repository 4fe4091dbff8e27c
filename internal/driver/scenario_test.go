package driver

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// The scenarios under testdata/scenarios are the issues' acceptance
// examples: bad/ must report exactly the rules in bad/want.txt and exit 1,
// and still build after -fix; good/ (the production-ready version) must
// report nothing and exit 0.
func TestScenarios(t *testing.T) {
	dirs, _ := filepath.Glob("../../testdata/scenarios/*")
	if len(dirs) == 0 {
		t.Fatal("no scenarios found")
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Run("bad", func(t *testing.T) {
				want := readWant(t, filepath.Join(dir, "bad", "want.txt"))
				work := copyDir(t, filepath.Join(dir, "bad"))
				r := runProdlint(t, work, nil, "./...")
				if r.code != ExitFindings {
					t.Errorf("exit %d, want %d; stderr:\n%s", r.code, ExitFindings, r.stderr)
				}
				if got := reportedRules(r.stdout); strings.Join(got, " ") != strings.Join(want, " ") {
					t.Errorf("reported rules %v, want %v; output:\n%s", got, want, r.stdout)
				}
				fixed := runProdlint(t, work, nil, "-fix", "./...")
				if fixed.code == ExitAnalysis || fixed.code == ExitUsage {
					t.Fatalf("-fix: exit %d\n%s", fixed.code, fixed.stderr)
				}
				mustBuildAndBeFormatted(t, work)
			})
			t.Run("good", func(t *testing.T) {
				work := copyDir(t, filepath.Join(dir, "good"))
				r := runProdlint(t, work, nil, "./...")
				if r.code != ExitClean || r.stdout != "" {
					t.Errorf("production-ready version: exit %d, findings:\n%s%s", r.code, r.stdout, r.stderr)
				}
			})
		})
	}
}

var ruleInMessage = regexp.MustCompile(`^[^ ]+:\d+:\d+: (?:warning: |info: )?\[([a-z0-9-]+)\] `)

func reportedRules(out string) []string {
	set := map[string]bool{}
	for _, line := range strings.Split(out, "\n") {
		if m := ruleInMessage.FindStringSubmatch(line); m != nil {
			set[m[1]] = true
		}
	}
	var ids []string
	for id := range set {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

func readWant(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, l := range strings.Fields(string(data)) {
		ids = append(ids, l)
	}
	sort.Strings(ids)
	return ids
}

// copyDir copies a scenario module to a temporary directory, outside this
// repository, so that -fix does not touch the sources and no rules.toml of
// ours is found above it.
func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
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
		t.Fatal(err)
	}
	return dst
}

func mustBuildAndBeFormatted(t *testing.T, dir string) {
	t.Helper()
	cmd := exec.Command("go", "build", "./...")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("after -fix the module does not build: %v\n%s", err, out)
	}
	cmd = exec.Command("gofmt", "-l", ".")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil || len(strings.TrimSpace(string(out))) > 0 {
		t.Errorf("after -fix these files are not gofmt-clean: %s %v", out, err)
	}
}
