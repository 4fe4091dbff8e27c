package sqlcheck_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
	"github.com/prodlint/prodlint/analyzers/sqlcheck"
)

func TestSelectStar(t *testing.T) {
	a := ruletest.Analyzer(t, "", sqlcheck.SelectStar())
	analysistest.Run(t, ruletest.TestData(), a, "sql-select-star", "sql-select-star/facts/...")
}
