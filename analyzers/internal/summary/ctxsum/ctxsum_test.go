package ctxsum_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/internal/summary/ctxsum"
)

// TestSummaries pins the fact of each use of a context parameter.
func TestSummaries(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), ctxsum.Analyzer, "c")
}
