package concurrency_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/concurrency"
	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
)

func TestGoroutineUnbounded(t *testing.T) {
	a := ruletest.Analyzer(t, "[rules.goroutine-unbounded]\nenabled = true\nall-loops = true\nhandler-spawns = true\n", concurrency.GoroutineUnbounded())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "goroutine-unbounded")
}

// By default: every loop in request-serving code, and elsewhere loops fed
// from outside the function (a parameter, decoded input, a query result,
// a message stream).
func TestGoroutineUnboundedDefault(t *testing.T) {
	a := ruletest.Analyzer(t, "", concurrency.GoroutineUnbounded())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "goroutine-unbounded/default")
}

func TestGoroutineUnboundedOptions(t *testing.T) {
	a := ruletest.Analyzer(t, "[rules.goroutine-unbounded]\nenabled = true\nsmall-loop = 2\nerrgroup-limit = 4\nall-loops = true\n", concurrency.GoroutineUnbounded())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "goroutine-unbounded/options")
}
