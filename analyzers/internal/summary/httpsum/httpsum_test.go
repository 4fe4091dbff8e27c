package httpsum_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/internal/summary/httpsum"
)

// TestSummaries pins the fact of each helper and constructor shape.
func TestSummaries(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), httpsum.Analyzer, "h")
}
