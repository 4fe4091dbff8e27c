package concurrency_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/concurrency"
	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
)

func TestPoolPerRequest(t *testing.T) {
	a := ruletest.Analyzer(t, "", concurrency.PoolPerRequest())
	analysistest.Run(t, ruletest.TestData(), a, "pool-per-request", "pool-per-request/main", "pool-per-request/fact/handlers")
}
