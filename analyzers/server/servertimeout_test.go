package server_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
	"github.com/prodlint/prodlint/analyzers/server"
)

func TestTimeout(t *testing.T) {
	a := ruletest.Analyzer(t, "", server.Timeout())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "servertimeout", "servertimeout/examples/webhook")
}

func TestTimeoutOptions(t *testing.T) {
	a := ruletest.Analyzer(t, "[rules.server-timeout]\nread-header-timeout = \"5s\"\nrequire-write-timeout = true\n", server.Timeout())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "servertimeoutoptions")
}
