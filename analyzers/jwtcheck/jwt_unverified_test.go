package jwtcheck_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
	"github.com/prodlint/prodlint/analyzers/jwtcheck"
)

func TestUnverified(t *testing.T) {
	a := ruletest.Analyzer(t, "", jwtcheck.Unverified())
	analysistest.Run(t, ruletest.TestData(), a, "jwt-unverified", "jwt-unverified/v4", "jwt-unverified/jwtgo", "jwt-unverified/manual", "jwt-unverified/facts/...")
}
