package concurrency_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/concurrency"
	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
)

func TestSQLPoolUnbounded(t *testing.T) {
	a := ruletest.Analyzer(t, "", concurrency.SQLPoolUnbounded())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "sqlpoolunbounded", "sqlpoolshadow")
}

func TestSQLPoolUnboundedOptions(t *testing.T) {
	a := ruletest.Analyzer(t, "[rules.sql-pool-unbounded]\nmax-open-conns = 50\nmax-idle-conns = 10\nconn-max-lifetime = \"1h\"\n",
		concurrency.SQLPoolUnbounded())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "sqlpoolmain")
}
