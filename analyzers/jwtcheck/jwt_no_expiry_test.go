package jwtcheck_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
	"github.com/prodlint/prodlint/analyzers/jwtcheck"
)

func TestNoExpiry(t *testing.T) {
	a := ruletest.Analyzer(t, "", jwtcheck.NoExpiry())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "jwt-no-expiry", "jwt-no-expiry/facts/...")
}

func TestNoExpiryVersions(t *testing.T) {
	a := ruletest.Analyzer(t, "", jwtcheck.NoExpiry())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "jwt-no-expiry/v4", "jwt-no-expiry/jwtgo")
}

func TestNoExpiryOptions(t *testing.T) {
	a := ruletest.Analyzer(t, "[rules.jwt-no-expiry]\nmax-lifetime = \"1h\"\ndefault-lifetime = \"5m\"\npurpose-max-lifetime = \"72h\"\n", jwtcheck.NoExpiry())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "jwt-no-expiry/options")
}
