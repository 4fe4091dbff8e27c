package server_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
	"github.com/prodlint/prodlint/analyzers/server"
)

func TestShutdown(t *testing.T) {
	a := ruletest.Analyzer(t, "", server.Shutdown())
	analysistest.Run(t, ruletest.TestData(), a,
		"shutdown", "shutdowngraceful", "shutdownmethodvalue", "shutdownlib", "shutdownhandoff",
		"shutdown/examples/webhook", "shutdown/testonly/mdm/mdmtest", "shutdown/cmd/mdmtest")
}
