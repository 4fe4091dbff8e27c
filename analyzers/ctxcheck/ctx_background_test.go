package ctxcheck_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/ctxcheck"
	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
)

func TestBackground(t *testing.T) {
	a := ruletest.Analyzer(t, "", ctxcheck.Background())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "ctx-background", "ctx-background/cmd")
	analysistest.Run(t, ruletest.TestData(), a, "ctx-background/fact/web")
}

// With every tier on: fresh roots in go statements, with their own
// deadline, and for follow-up writes are reported too.
func TestBackgroundBroad(t *testing.T) {
	a := ruletest.Analyzer(t, "[rules.ctx-background]\nwrites = true\nbounded = true\ngo-statements = true\n", ctxcheck.Background())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "ctx-background/broad")
}
