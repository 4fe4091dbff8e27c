package sqlcheck_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
	"github.com/prodlint/prodlint/analyzers/sqlcheck"
)

func TestLikeWildcard(t *testing.T) {
	a := ruletest.Analyzer(t, "", sqlcheck.LikeWildcard())
	analysistest.Run(t, ruletest.TestData(), a, "sql-like-wildcard", "sql-like-wildcard/facts/...")
}
