package driver

import (
	"reflect"
	"sync/atomic"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/prodlint/prodlint/analyzers"
)

// summaryReadingRule is a rule that requires a summary-like analyzer, which
// counts the packages it runs on.
func summaryReadingRule(id string, runs *atomic.Int32) *analyzers.Rule {
	summary := &analysis.Analyzer{
		Name:       "test_summary_" + analyzers.AnalyzerName(id),
		Doc:        "counts its runs",
		ResultType: reflect.TypeOf(0),
		Run: func(*analysis.Pass) (any, error) {
			runs.Add(1)
			return 0, nil
		},
	}
	return &analyzers.Rule{
		ID: id, Enabled: true, Severity: "error",
		Doc:      analyzers.Doc{Title: "require a summary"},
		Requires: []*analysis.Analyzer{summary},
		Run:      func(*analyzers.Pass) error { return nil },
	}
}

// A summary analyzer runs only when a rule that requires it is on in the
// configuration of some package: off everywhere, it costs nothing.
func TestSummaryAnalyzersFollowTheirRules(t *testing.T) {
	for _, tc := range []struct {
		name   string
		config string
		want   bool
	}{
		{"rule on", "", true},
		{"rule off", "[rules.test-needs-summary]\nenabled = false\n", false},
		{"rule on in one package only", "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{"a/a.go": "package a\n", "b/b.go": "package b\n"}
			if tc.config != "" {
				files["rules.toml"] = tc.config
			}
			if tc.name == "rule on in one package only" {
				files["rules.toml"] = "[rules.test-needs-summary]\nenabled = false\n"
				files["b/rules.toml"] = "[rules.test-needs-summary]\nenabled = true\n"
			}
			dir := writeModule(t, files)
			var runs atomic.Int32
			res := runProdlint(t, dir, testRules(summaryReadingRule("test-needs-summary", &runs)), "./...")
			if res.code != ExitClean {
				t.Fatalf("exit %d: %s", res.code, res.stderr)
			}
			if got := runs.Load(); (got > 0) != tc.want {
				t.Errorf("the summary analyzer ran on %d packages; want it to run: %t", got, tc.want)
			}
			if tc.want && runs.Load() != 2 {
				t.Errorf("the summary analyzer ran on %d packages, want 2 (its facts reach every package)", runs.Load())
			}
		})
	}
}

// With the real rules, switching off every rule that reads function
// summaries leaves none of the summary analyzers in the analysis.
func TestDisabledRulesDropTheirSummaries(t *testing.T) {
	summaries := []string{"prodlint_sqlsum", "prodlint_jwtsum", "prodlint_iosum", "prodlint_httpsum", "prodlint_ctxsum"}
	all := analyzers.Rules()
	required := func(off func(*analyzers.Rule) bool) map[string]bool {
		cfg := analyzers.DefaultConfig()
		for _, rl := range all {
			if off(rl) {
				cfg.SetEnabled(rl.ID, false)
			}
		}
		r := &run{fixed: cfg, opts: Options{Rules: all}}
		names := map[string]bool{}
		var walk func(a *analysis.Analyzer)
		walk = func(a *analysis.Analyzer) {
			if !names[a.Name] {
				names[a.Name] = true
				for _, req := range a.Requires {
					walk(req)
				}
			}
		}
		for _, a := range r.active(analyzers.New(analyzers.Options{Config: cfg, Rules: all}), nil) {
			walk(a)
		}
		return names
	}
	on := required(func(*analyzers.Rule) bool { return false })
	for _, s := range summaries {
		if !on[s] {
			t.Fatalf("%s is not required by any rule with every rule on: update this test", s)
		}
	}
	readsSummary := func(rl *analyzers.Rule) bool {
		names := map[string]bool{}
		var walk func(a *analysis.Analyzer)
		walk = func(a *analysis.Analyzer) {
			names[a.Name] = true
			for _, req := range a.Requires {
				walk(req)
			}
		}
		for _, a := range rl.Requires {
			walk(a)
		}
		for _, s := range summaries {
			if names[s] {
				return true
			}
		}
		return false
	}
	off := required(readsSummary)
	for _, s := range summaries {
		if off[s] {
			t.Errorf("%s still runs with every rule that reads it switched off", s)
		}
	}
	if none := required(func(*analyzers.Rule) bool { return true }); len(none) != 0 {
		t.Errorf("with every rule off, the analysis still holds %d analyzers", len(none))
	}
}
