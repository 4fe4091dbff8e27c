package ctxcheck_test

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/ctxcheck"
	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
)

// The default configuration: database/sql statements run and
// transactions begun without the ctx are reported, and a call of each
// tier off by default stays quiet, so a tier that leaks into the default
// fails here.
func TestVariant(t *testing.T) {
	a := ruletest.Analyzer(t, "", ctxcheck.Variant())
	analysistest.Run(t, ruletest.TestData(), a, "ctx-variant/default")
}

// With every tier on (the options of the fixture's quiet-options.toml),
// each shape is reported with its fix, and each quiet form stays quiet.
func TestVariantBroad(t *testing.T) {
	a := ruletest.Analyzer(t, allVariantTiers(t), ctxcheck.Variant())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "ctx-variant")
	analysistest.Run(t, ruletest.TestData(), a, "ctx-variant/fact/use")
}

// allVariantTiers is the configuration that switches every tier of
// ctx-variant on: the option lines of the fixture's quiet-options.toml.
func allVariantTiers(t *testing.T) string {
	data, err := os.ReadFile(filepath.Join(ruletest.TestData(), "src", "ctx-variant", "quiet-options.toml"))
	if err != nil {
		t.Fatal(err)
	}
	return "[rules.ctx-variant]\n" + string(data)
}
