package sqlcheck_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
	"github.com/prodlint/prodlint/analyzers/sqlcheck"
)

func TestSQLPoolUnbounded(t *testing.T) {
	a := ruletest.Analyzer(t, "[rules.sql-pool-unbounded]\nenabled = true\n", sqlcheck.SQLPoolUnbounded())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "sql-pool-unbounded", "sql-pool-unbounded/shadow")
}

// TestSQLPoolUnboundedAcrossPackages: a pool opened by a function of
// another package (its summary travels as a fact) is reported where it is
// used and never limited; the twin limits it, hands it to a function that
// does, or lets it out of sight.
func TestSQLPoolUnboundedAcrossPackages(t *testing.T) {
	a := ruletest.Analyzer(t, "[rules.sql-pool-unbounded]\nenabled = true\n", sqlcheck.SQLPoolUnbounded())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "sql-pool-unbounded/facts/...")
}

// TestSQLPoolUnboundedOffByDefault: the rule is opt-in; with the defaults
// the unlimited pool of its fixture is not reported.
func TestSQLPoolUnboundedOffByDefault(t *testing.T) {
	a := ruletest.Analyzer(t, "", sqlcheck.SQLPoolUnbounded())
	analysistest.Run(t, ruletest.TestData(), a, "sql-pool-unbounded/default")
}

func TestSQLPoolUnboundedOptions(t *testing.T) {
	a := ruletest.Analyzer(t, "[rules.sql-pool-unbounded]\nenabled = true\nmax-open-conns = 50\nmax-idle-conns = 10\nconn-max-lifetime = \"1h\"\n",
		sqlcheck.SQLPoolUnbounded())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "sql-pool-unbounded/main")
}
