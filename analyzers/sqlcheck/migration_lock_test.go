package sqlcheck_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
	"github.com/prodlint/prodlint/analyzers/sqlcheck"
)

func TestMigrationLock(t *testing.T) {
	a := ruletest.Analyzer(t, "[rules.migration-lock]\nenabled = true\n", sqlcheck.MigrationLock())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "migration-lock", "migration-lock/facts/...")
}

func TestMigrationLockOffByDefault(t *testing.T) {
	a := ruletest.Analyzer(t, "", sqlcheck.MigrationLock())
	analysistest.Run(t, ruletest.TestData(), a, "migration-lock/default")
}
