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

// TestRowsCloseProbes: a discarded read whose error is kept is quiet by
// default; with probes = true it is reported too.
func TestRowsCloseProbes(t *testing.T) {
	analysistest.Run(t, ruletest.TestData(), ruletest.Analyzer(t, "", sqlcheck.RowsClose()), "sql-rows-close/probes")
	on := ruletest.Analyzer(t, "[rules.sql-rows-close]\nprobes = true\n", sqlcheck.RowsClose())
	n := ruletest.CountFindings(t, on, "sql-rows-close/probes")
	if n != 4 {
		t.Errorf("probes = true: %d findings in sql-rows-close/probes, want 4", n)
	}
}
