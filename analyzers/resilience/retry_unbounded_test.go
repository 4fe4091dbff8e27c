package resilience_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
	"github.com/prodlint/prodlint/analyzers/resilience"
)

func TestRetryUnbounded(t *testing.T) {
	a := ruletest.Analyzer(t, onRetryUnbounded, resilience.RetryUnbounded())
	analysistest.Run(t, ruletest.TestData(), a, "retry-unbounded")
}

// TestRetryUnboundedFacts: the retried helper is in another package; its
// I/O summary (a fact) says whether it reaches the network.
func TestRetryUnboundedFacts(t *testing.T) {
	a := ruletest.Analyzer(t, onRetryUnbounded, resilience.RetryUnbounded())
	analysistest.Run(t, ruletest.TestData(), a, "retry.example/client", "retry.example/unbounded")
}

// onRetryUnbounded switches the rule on: it is opt-in.
const onRetryUnbounded = "[rules.retry-unbounded]\nenabled = true\n"

// TestRetryUnboundedOffByDefault: the rule is opt-in; with the defaults the
// fixture's retry loop (reported when enabled) is quiet.
func TestRetryUnboundedOffByDefault(t *testing.T) {
	a := ruletest.Analyzer(t, "", resilience.RetryUnbounded())
	analysistest.Run(t, ruletest.TestData(), a, "retry-unbounded/default")
}
