package concurrency_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/concurrency"
	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
)

func TestGoroutineUnbounded(t *testing.T) {
	a := ruletest.Analyzer(t, "[rules.goroutine-unbounded]\nall-loops = true\n", concurrency.GoroutineUnbounded())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "goroutineunbounded")
}

// By default only loops in request-serving code are reported.
func TestGoroutineUnboundedDefault(t *testing.T) {
	a := ruletest.Analyzer(t, "", concurrency.GoroutineUnbounded())
	analysistest.Run(t, ruletest.TestData(), a, "goroutineunboundeddefault")
}

func TestGoroutineUnboundedOptions(t *testing.T) {
	a := ruletest.Analyzer(t, "[rules.goroutine-unbounded]\nsmall-loop = 2\nerrgroup-limit = 4\nall-loops = true\n", concurrency.GoroutineUnbounded())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "goroutineunboundedoptions")
}
