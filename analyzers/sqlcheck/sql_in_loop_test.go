package sqlcheck_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
	"github.com/prodlint/prodlint/analyzers/sqlcheck"
)

func TestInLoop(t *testing.T) {
	a := ruletest.Analyzer(t, "[rules.sql-in-loop]\nenabled = true\n", sqlcheck.InLoop())
	analysistest.Run(t, ruletest.TestData(), a, "sql-in-loop", "sql-in-loop/dbmigrations", "sql-in-loop/facts/...")
}

// TestInLoopOffByDefault: the rule is opt-in; with the defaults the N+1
// loop of its fixture is not reported.
func TestInLoopOffByDefault(t *testing.T) {
	a := ruletest.Analyzer(t, "", sqlcheck.InLoop())
	analysistest.Run(t, ruletest.TestData(), a, "sql-in-loop/default")
}
