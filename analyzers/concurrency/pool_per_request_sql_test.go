package concurrency_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/concurrency"
	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
)

// TestPoolPerRequestSQLHelpers: a function of another package that opens
// a new *sql.DB on every call (its summary travels as a fact) is reported
// where a handler or a loop calls it; one that returns a shared pool is
// not.
func TestPoolPerRequestSQLHelpers(t *testing.T) {
	a := ruletest.Analyzer(t, "", concurrency.PoolPerRequest())
	analysistest.Run(t, ruletest.TestData(), a, "pool-per-request/sqlfacts/...")
}
