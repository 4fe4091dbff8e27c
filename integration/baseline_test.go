package integration

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A team adopting prodlint on existing code records today's findings and
// from then on sees only new ones, whatever moves in the files; or sees
// only findings on the lines it changed since a revision.
func TestBaselineAndNewFromRev(t *testing.T) {
	dir := fixture(t, "acceptance")
	env := []string{"PRODLINT_CONFIG="}
	git := func(args ...string) {
		t.Helper()
		if r := run(t, dir, nil, "git", args...); r.code != 0 {
			t.Fatalf("git %s:\n%s", strings.Join(args, " "), r.output())
		}
	}
	git("init", "-q")
	git("add", ".")
	git("-c", "user.email=ci@example.com", "-c", "user.name=CI", "commit", "-q", "-m", "legacy code")

	w := run(t, dir, env, prodlintBin, "-baseline", "write", "prodlint-baseline.json", "./...")
	if w.code != 0 || !strings.Contains(w.stderr, "prodlint: wrote ") {
		t.Fatalf("-baseline write: exit %d\n%s", w.code, w.output())
	}
	if data := readFile(t, filepath.Join(dir, "prodlint-baseline.json")); strings.Contains(data, "AKIAZ7Q4LMRT2XVN5KPW") {
		t.Errorf("the baseline file holds the secret:\n%s", data)
	}
	if r := run(t, dir, env, prodlintBin, "-baseline", "prodlint-baseline.json", "./..."); r.code != 0 || r.stdout != "" {
		t.Fatalf("with the baseline of this very code: exit %d\n%s", r.code, r.output())
	}

	// Lines move (a comment above everything) and a new file sends a
	// request without a timeout.
	main := filepath.Join(dir, "main.go")
	src := strings.Replace(readFile(t, main), "package main\n", "package main\n\n// Moved down by this comment,\n// and by this line.\n", 1)
	if err := os.WriteFile(main, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	extra := "package main\n\nimport \"net/http\"\n\nfunc ping() error {\n\tresp, err := http.Get(\"https://api.internal/v1/ping\")\n\tif err != nil {\n\t\treturn err\n\t}\n\treturn resp.Body.Close()\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "ping.go"), []byte(extra), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"-baseline", "prodlint-baseline.json"}, {"-new-from-rev", "HEAD"}} {
		r := run(t, dir, env, prodlintBin, append(args, "./...")...)
		if r.code != 1 {
			t.Errorf("%s: exit %d, want 1 for the new finding\n%s", args[0], r.code, r.output())
		}
		wantFindings(t, r.stdout, "ping.go", "http-timeout")
		wantNoFindings(t, r.stdout, "main.go", "http-timeout", "secret-literal")
		wantNoFindings(t, r.stdout, "quiet/inner/inner.go", "secret-literal")
	}

	// SARIF marks what it reports as new; -C runs from elsewhere, with
	// the baseline's path taken from the -C directory.
	s := run(t, filepath.Dir(dir), env, prodlintBin, "-C", filepath.Base(dir), "-sarif", "-baseline", "prodlint-baseline.json", "./...")
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID        string `json:"ruleId"`
				BaselineState string `json:"baselineState"`
				Locations     []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(s.stdout), &log); err != nil {
		t.Fatalf("-C -sarif -baseline: %v\n%s", err, s.output())
	}
	res := log.Runs[0].Results
	if len(res) != 1 || res[0].BaselineState != "new" || res[0].RuleID != "http-timeout" || res[0].Locations[0].PhysicalLocation.ArtifactLocation.URI != "ping.go" {
		t.Errorf("want one new http-timeout result in ping.go: %+v", res)
	}
}
