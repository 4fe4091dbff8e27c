// Package ruletest builds analyzers for analysistest from rule
// descriptions and an inline rules.toml, so that every rule's tests state
// the configuration they run under.
package ruletest

import (
	"path/filepath"
	"runtime"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// TestData returns the shared analysistest directory, analyzers/testdata.
func TestData() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata")
}

// Analyzers returns one analyzer per rule, configured by rulesTOML (the
// text of a rules.toml; "" for the defaults). The ignore-directive rule is
// always known to the configuration, so directives can be tested.
func Analyzers(t testing.TB, rulesTOML string, rules ...*rule.Rule) []*analysis.Analyzer {
	t.Helper()
	var specs []config.RuleSpec
	specs = append(specs, rule.DirectiveRule().Spec())
	for _, r := range rules {
		if r.ID != rule.DirectiveRuleID {
			specs = append(specs, r.Spec())
		}
	}
	cfg, err := config.Parse("rules.toml", []byte(rulesTOML), specs)
	if err != nil {
		t.Fatalf("test configuration: %v", err)
	}
	cfgAnalyzer := rule.NewConfigAnalyzer(rule.ConfigSource{Fixed: cfg})
	return rule.NewAnalyzers(rules, cfgAnalyzer)
}

// Analyzer is Analyzers for a single rule.
func Analyzer(t testing.TB, rulesTOML string, r *rule.Rule) *analysis.Analyzer {
	t.Helper()
	return Analyzers(t, rulesTOML, r)[0]
}

// Explaining is Analyzer for a rule, under the default configuration
// with the rule switched on, whose quiet forms tell explain which candidate each silenced (as
// prodlint -explain does). explain may be called concurrently.
func Explaining(t testing.TB, r *rule.Rule, explain func(rule.Silence)) *analysis.Analyzer {
	t.Helper()
	return ExplainingWith(t, r, "", explain)
}

// ExplainingWith is Explaining with the rule's options set by options
// (rules.toml key lines of the rule's table, e.g. "all-loops = true\n").
func ExplainingWith(t testing.TB, r *rule.Rule, options string, explain func(rule.Silence)) *analysis.Analyzer {
	t.Helper()
	specs := []config.RuleSpec{rule.DirectiveRule().Spec()}
	if r.ID != rule.DirectiveRuleID {
		specs = append(specs, r.Spec())
	}
	cfg, err := config.Parse("rules.toml", []byte("[rules."+r.ID+"]\nenabled = true\n"+options), specs)
	if err != nil {
		t.Fatalf("test configuration: %v", err)
	}
	return rule.NewAnalyzer(r, rule.NewConfigAnalyzer(rule.ConfigSource{Fixed: cfg, Explain: explain}))
}

// CountFindings runs a on the fixture package pkg and returns how many
// findings it made, ignoring the package's // want comments: they belong to
// another configuration of the rule (its default tier, say), so a test can
// assert the count the other configuration gives on the same code.
func CountFindings(t *testing.T, a *analysis.Analyzer, pkg string) int {
	t.Helper()
	n := 0
	for _, r := range analysistest.Run(ignoreWants{t}, TestData(), a, pkg) {
		n += len(r.Diagnostics)
	}
	return n
}

// ignoreWants drops analysistest's complaints about // want comments.
type ignoreWants struct{ *testing.T }

func (ignoreWants) Errorf(string, ...any) {}
