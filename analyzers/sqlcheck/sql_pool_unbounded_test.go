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

// TestSQLPoolUnboundedZeroIsNoLimit: SetMaxOpenConns(0), or any constant
// below one, is database/sql's "no limit": the pool is reported, and no fix
// is offered, since a limit inserted after the Open would be lifted again by
// the package's own later call. The twin's positive limit stays quiet.
func TestSQLPoolUnboundedZeroIsNoLimit(t *testing.T) {
	a := ruletest.Analyzer(t, "[rules.sql-pool-unbounded]\nenabled = true\n", sqlcheck.SQLPoolUnbounded())
	results := analysistest.Run(t, ruletest.TestData(), a, "sql-pool-unbounded/unlimited")
	n := 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			n++
			if len(d.SuggestedFixes) > 0 {
				t.Errorf("%s: a fix is offered beside SetMaxOpenConns(0): %q", d.Message, d.SuggestedFixes[0].Message)
			}
		}
	}
	if n != 2 {
		t.Errorf("got %d diagnostics, want 2", n)
	}
}
