package server_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
	"github.com/prodlint/prodlint/analyzers/server"
)

func TestTimeout(t *testing.T) {
	a := ruletest.Analyzer(t, "", server.Timeout())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "servertimeout", "servertimeout/examples/webhook",
		"servertimeout/testonly/mdm/mdmtest", "servertimeout/internal/mocks", "servertimeout/internal/mockoidc")
}

// TestTimeoutTestSupportWithTests: with tests = true, test-support packages
// (a mocks directory) are reported like _test.go files.
func TestTimeoutTestSupportWithTests(t *testing.T) {
	a := ruletest.Analyzer(t, "tests = true\n", server.Timeout())
	analysistest.Run(t, ruletest.TestData(), a, "servertimeouttestsupport/internal/mocks")
}

func TestTimeoutOptions(t *testing.T) {
	a := ruletest.Analyzer(t, "[rules.server-timeout]\nread-header-timeout = \"5s\"\nrequire-write-timeout = true\n", server.Timeout())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "servertimeoutoptions")
}
