package sqlcheck_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
	"github.com/prodlint/prodlint/analyzers/sqlcheck"
)

func TestRowsErr(t *testing.T) {
	a := ruletest.Analyzer(t, "", sqlcheck.RowsErr())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "sql-rows-err")
}
