package ctxcheck_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/ctxcheck"
	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
)

// allVariantTiers switches every tier of ctx-variant on.
const allVariantTiers = "[rules.ctx-variant]\nhttp = true\nnet = true\ncommands = true\nsql-prepare = true\nother-apis = true\n"

// The default tier: database/sql statements run and transactions begun
// without the ctx; the other kinds of API in the same fixtures are quiet.
func TestVariant(t *testing.T) {
	a := ruletest.Analyzer(t, "", ctxcheck.Variant())
	analysistest.Run(t, ruletest.TestData(), a, "ctx-variant")
}

// With every tier on, the same shapes (and their fixes) are reported.
func TestVariantBroad(t *testing.T) {
	a := ruletest.Analyzer(t, allVariantTiers, ctxcheck.Variant())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "ctx-variant/broad")
	analysistest.Run(t, ruletest.TestData(), a, "ctx-variant/fact/use")
}
