package ctxcheck_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/ctxcheck"
	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
)

func TestBackground(t *testing.T) {
	a := ruletest.Analyzer(t, "[rules.ctx-background]\nenabled = true\n", ctxcheck.Background())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "ctx-background", "ctx-background/cmd")
	analysistest.Run(t, ruletest.TestData(), a, "ctx-background/fact/web")
}

// With every tier on: fresh roots in go statements, with their own
// deadline, and for follow-up writes are reported too.
func TestBackgroundBroad(t *testing.T) {
	a := ruletest.Analyzer(t, "[rules.ctx-background]\nenabled = true\nwrites = true\nbounded = true\ngo-statements = true\n", ctxcheck.Background())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "ctx-background/broad")
}

// The rule is opt-in: with the default rules.toml a fresh root in a
// handler is not reported; switched on, the same code is.
func TestBackgroundOffByDefault(t *testing.T) {
	analysistest.Run(t, ruletest.TestData(), ruletest.Analyzer(t, "", ctxcheck.Background()), "ctx-background/default")
	on := ruletest.Analyzer(t, "[rules.ctx-background]\nenabled = true\n", ctxcheck.Background())
	n := ruletest.CountFindings(t, on, "ctx-background/default")
	if n != 1 {
		t.Errorf("switched on: %d findings in ctx-background/default, want 1", n)
	}
}
