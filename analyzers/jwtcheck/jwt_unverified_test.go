package jwtcheck_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
	"github.com/prodlint/prodlint/analyzers/jwtcheck"
)

func TestUnverified(t *testing.T) {
	a := ruletest.Analyzer(t, "[rules.jwt-unverified]\nenabled = true\n", jwtcheck.Unverified())
	analysistest.Run(t, ruletest.TestData(), a, "jwt-unverified", "jwt-unverified/v4", "jwt-unverified/jwtgo", "jwt-unverified/manual", "jwt-unverified/facts/...")
}

// The rule is opt-in: with the default rules.toml a Keyfunc that lets the
// token choose the algorithm is not reported; switched on, it is.
func TestUnverifiedOffByDefault(t *testing.T) {
	analysistest.Run(t, ruletest.TestData(), ruletest.Analyzer(t, "", jwtcheck.Unverified()), "jwt-unverified/default")
	on := ruletest.Analyzer(t, "[rules.jwt-unverified]\nenabled = true\n", jwtcheck.Unverified())
	n := ruletest.CountFindings(t, on, "jwt-unverified/default")
	if n != 1 {
		t.Errorf("switched on: %d findings in jwt-unverified/default, want 1", n)
	}
}
