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
