package ctxcheck_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/ctxcheck"
	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
)

func TestVariant(t *testing.T) {
	a := ruletest.Analyzer(t, "", ctxcheck.Variant())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "ctx-variant")
	analysistest.Run(t, ruletest.TestData(), a, "ctx-variant/fact/use")
}
