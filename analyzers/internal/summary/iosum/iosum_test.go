package iosum_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
	"github.com/prodlint/prodlint/analyzers/internal/summary/iosum"
)

// TestFacts: the MayIO and NoIO facts, within a package (through calls,
// recursion and interface methods) and across packages.
func TestFacts(t *testing.T) {
	analysistest.Run(t, ruletest.TestData(), iosum.Analyzer, "iosum.example/remote", "iosum.example/use")
}
