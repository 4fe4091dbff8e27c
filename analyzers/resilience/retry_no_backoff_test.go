package resilience_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
	"github.com/prodlint/prodlint/analyzers/resilience"
)

func TestRetryNoBackoff(t *testing.T) {
	a := ruletest.Analyzer(t, onRetryNoBackoff, resilience.RetryNoBackoff())
	analysistest.Run(t, ruletest.TestData(), a, "retry-no-backoff")
}

// TestRetryNoBackoffFacts: the retried helper is in another package; its
// I/O summary (a fact) says whether it reaches the network.
func TestRetryNoBackoffFacts(t *testing.T) {
	a := ruletest.Analyzer(t, onRetryNoBackoff, resilience.RetryNoBackoff())
	analysistest.Run(t, ruletest.TestData(), a, "retry.example/client", "retry.example/nobackoff")
}

// onRetryNoBackoff switches the rule on: it is opt-in.
const onRetryNoBackoff = "[rules.retry-no-backoff]\nenabled = true\n"

// TestRetryNoBackoffOffByDefault: the rule is opt-in; with the defaults the
// fixture's retry loop (reported when enabled) is quiet.
func TestRetryNoBackoffOffByDefault(t *testing.T) {
	a := ruletest.Analyzer(t, "", resilience.RetryNoBackoff())
	analysistest.Run(t, ruletest.TestData(), a, "retry-no-backoff/default")
}
