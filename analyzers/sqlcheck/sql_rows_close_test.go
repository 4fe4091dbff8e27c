package sqlcheck_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
	"github.com/prodlint/prodlint/analyzers/sqlcheck"
)

func TestRowsClose(t *testing.T) {
	a := ruletest.Analyzer(t, "", sqlcheck.RowsClose())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "sql-rows-close")
}
