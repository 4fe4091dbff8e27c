package resilience_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
	"github.com/prodlint/prodlint/analyzers/resilience"
)

func TestRetryUnbounded(t *testing.T) {
	a := ruletest.Analyzer(t, "", resilience.RetryUnbounded())
	analysistest.Run(t, ruletest.TestData(), a, "retry-unbounded")
}
