package driver

import (
	"encoding/json"
	"os"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"
)

func TestTextShowsSeverityUnlessError(t *testing.T) {
	for sev, want := range map[string]string{
		"error":   "m.go:4:2: [test-panic-call] panic called",
		"warning": "m.go:4:2: warning: [test-panic-call] panic called",
		"info":    "m.go:4:2: info: [test-panic-call] panic called",
	} {
		dir := writeModule(t, map[string]string{
			"m.go":       panicky,
			"rules.toml": "[rules.test-panic-call]\nseverity = \"" + sev + "\"\n",
		})
		r := runProdlint(t, dir, testRules())
		if !strings.HasPrefix(r.stdout, want) {
			t.Errorf("severity %s: stdout %q, want it to start with %q", sev, r.stdout, want)
		}
	}
}

var summaryLine = regexp.MustCompile(`(?m)^prodlint: (.*) in (\d+) packages?, \d+\.\ds(.*)$`)

func TestSummaryLine(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"a/a.go":       strings.Replace(panicky, "package m", "package a", 1),
		"b/b.go":       strings.Replace(panicky, "package m", "package b", 1),
		"b/rules.toml": "[rules.test-panic-call]\nseverity = \"warning\"\n",
		"c/c.go":       "package c\n\nfunc F() int { return \"s\" }\n",
	})
	r := runProdlint(t, dir, testRules())
	m := summaryLine.FindStringSubmatch(r.stderr)
	if m == nil {
		t.Fatalf("no summary line on stderr:\n%s", r.stderr)
	}
	if m[1] != "2 findings (1 error, 1 warning)" || m[2] != "2" || m[3] != "; 1 package failed to load (errors above)" {
		t.Errorf("summary %q", m[0])
	}
	if strings.Contains(r.stdout, "prodlint:") {
		t.Errorf("the summary belongs on stderr, not stdout:\n%s", r.stdout)
	}
	if q := runProdlint(t, dir, testRules(), "-q"); summaryLine.MatchString(q.stderr) || q.stdout != r.stdout {
		t.Errorf("-q: stderr %q", q.stderr)
	}
	clean := writeModule(t, map[string]string{"m.go": "package m\n"})
	if r := runProdlint(t, clean, testRules()); !strings.HasPrefix(r.stderr, "prodlint: no findings in 1 package, ") {
		t.Errorf("clean run: stderr %q", r.stderr)
	}
}

func TestNoPackagesMatchIsAWarning(t *testing.T) {
	dir := writeModule(t, map[string]string{"empty/README": "no Go here\n"})
	r := runProdlint(t, dir, testRules(), "./empty/...")
	if r.code != ExitClean || !strings.Contains(r.stderr, `prodlint: warning: "./empty/..." matched no packages`) || r.stdout != "" {
		t.Errorf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	// SARIF is still a valid, successful (and empty) log.
	r = runProdlint(t, dir, testRules(), "-sarif", "./empty/...")
	var log sarifLog
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil || r.code != ExitClean || len(log.Runs[0].Results) != 0 {
		t.Errorf("-sarif: exit %d, err %v, %s", r.code, err, r.stdout)
	}
}

func TestListJSON(t *testing.T) {
	r := runProdlint(t, "", nil, "-list", "-json")
	var rules []jsonRule
	if err := json.Unmarshal([]byte(r.stdout), &rules); err != nil || r.code != ExitClean {
		t.Fatalf("exit %d, %v:\n%s", r.code, err, r.stdout)
	}
	byID := map[string]jsonRule{}
	for _, rl := range rules {
		byID[rl.ID] = rl
	}
	ht, ok := byID["http-timeout"]
	if !ok || ht.Severity != "error" || !ht.Enabled || ht.Title == "" || !strings.HasSuffix(ht.URL, "/http-timeout.md") || ht.Since == "" {
		t.Errorf("http-timeout = %+v", ht)
	}
	if len(ht.Options) != 1 || ht.Options[0].Key != "timeout" || ht.Options[0].Default != "30s" {
		t.Errorf("http-timeout options = %+v", ht.Options)
	}
	if ml := byID["migration-lock"]; ml.Enabled {
		t.Errorf("migration-lock is off by default: %+v", ml)
	}
	if h := runProdlint(t, "", nil, "help", "-json"); h.stdout != r.stdout {
		t.Errorf("help -json differs from -list -json")
	}
	if l := runProdlint(t, "", nil, "-list"); !strings.Contains(l.stdout, "http-timeout") {
		t.Errorf("-list: %q", l.stdout)
	}
}

func TestSARIFReportsPackagesNotAnalyzed(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"good/good.go": strings.Replace(panicky, "package m", "package good", 1),
		"bad/bad.go":   "package bad\n\nfunc F() int { return \"AKIAZ7Q4LMRT2XVN5KPW\" }\n",
	})
	r := runProdlint(t, dir, testRules(), "-sarif")
	var log struct {
		Runs []struct {
			Invocations []struct {
				ExecutionSuccessful        *bool `json:"executionSuccessful"`
				ToolExecutionNotifications []struct {
					Level   string `json:"level"`
					Message struct{ Text string }
				} `json:"toolExecutionNotifications"`
			} `json:"invocations"`
			Results []any `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
		t.Fatal(err)
	}
	inv := log.Runs[0].Invocations
	if r.code != ExitAnalysis || len(inv) != 1 || inv[0].ExecutionSuccessful == nil || *inv[0].ExecutionSuccessful || len(inv[0].ToolExecutionNotifications) != 1 {
		t.Fatalf("exit %d, invocations %+v", r.code, inv)
	}
	n := inv[0].ToolExecutionNotifications[0]
	if n.Level != "error" || !strings.Contains(n.Message.Text, "example.com/m/bad not analyzed") || !strings.Contains(n.Message.Text, "bad.go:3:23") {
		t.Errorf("notification %+v", n)
	}
	if strings.Contains(r.stdout+r.stderr, "AKIAZ7Q4LMRT2XVN5KPW") {
		t.Errorf("a string constant quoted by a type error is printed whole")
	}
	if len(log.Runs[0].Results) != 1 {
		t.Errorf("the loadable package's finding is missing: %d results", len(log.Runs[0].Results))
	}
	good := runProdlint(t, writeModule(t, map[string]string{"m.go": panicky}), testRules(), "-sarif")
	if !strings.Contains(good.stdout, `"executionSuccessful": true`) {
		t.Errorf("a complete run is not marked successful:\n%s", good.stdout)
	}
}

func TestVersionLine(t *testing.T) {
	info := &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "43b79be7b70f1234567890abcdef"}, {Key: "vcs.modified", Value: "true"},
	}}
	if got := versionLine(info); !strings.HasPrefix(got, "prodlint devel revision 43b79be7b70f (modified) built with go1.26.0 ") {
		t.Errorf("versionLine = %q", got)
	}
	info = &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "v1.2.3"}}
	if got := versionLine(info); !strings.HasPrefix(got, "prodlint v1.2.3 built with go1.26.0 ") {
		t.Errorf("versionLine = %q", got)
	}
	if r := runProdlint(t, "", nil, "-version"); r.code != ExitClean || !strings.HasPrefix(r.stdout, "prodlint ") {
		t.Errorf("-version: exit %d, %q", r.code, r.stdout)
	}
}

// Every flag -h lists is in README.md's flag table, and the other way round.
func TestREADMEListsEveryFlag(t *testing.T) {
	r := runProdlint(t, "", nil, "-h")
	flags := regexp.MustCompile(`(?m)^  -([a-z-]+)`).FindAllStringSubmatch(r.stderr, -1)
	if len(flags) < 10 {
		t.Fatalf("-h lists %d flags:\n%s", len(flags), r.stderr)
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, m := range regexp.MustCompile("(?m)^\\| `-([a-z-]+)").FindAllStringSubmatch(string(readme), -1) {
		listed[m[1]] = true
	}
	for _, m := range regexp.MustCompile("(?m)^\\| `-[a-z-]+[^|]*/ `-([a-z-]+)").FindAllStringSubmatch(string(readme), -1) {
		listed[m[1]] = true // "| `-enable a,b` / `-disable a,b` |"
	}
	inHelp := map[string]bool{}
	for _, m := range flags {
		inHelp[m[1]] = true
		if !listed[m[1]] {
			t.Errorf("-%s is in -h but not in README.md's flag table", m[1])
		}
	}
	for f := range listed {
		if !inHelp[f] {
			t.Errorf("README.md's flag table lists -%s, which -h does not", f)
		}
	}
}
