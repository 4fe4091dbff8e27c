package jwtcheck_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
	"github.com/prodlint/prodlint/analyzers/jwtcheck"
)

func TestNoExpiry(t *testing.T) {
	a := ruletest.Analyzer(t, "", jwtcheck.NoExpiry())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "jwtnoexpiry")
}

func TestNoExpiryVersions(t *testing.T) {
	a := ruletest.Analyzer(t, "", jwtcheck.NoExpiry())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "jwtnoexpiryv4", "jwtnoexpiryjwtgo")
}

func TestNoExpiryOptions(t *testing.T) {
	a := ruletest.Analyzer(t, "[rules.jwt-no-expiry]\nmax-lifetime = \"1h\"\ndefault-lifetime = \"5m\"\n", jwtcheck.NoExpiry())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "jwtnoexpiryoptions")
}
