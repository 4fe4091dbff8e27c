package server_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
	"github.com/prodlint/prodlint/analyzers/server"
)

func TestTLS(t *testing.T) {
	a := ruletest.Analyzer(t, "", server.TLS())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "tlsinsecure")
}

func TestTLSTestFiles(t *testing.T) {
	a := ruletest.Analyzer(t, "", server.TLS())
	analysistest.Run(t, ruletest.TestData(), a, "tlstestfile")
}

// TestTLSTestSupportWithTests: with tests = true, test-support files are
// reported like _test.go files.
func TestTLSTestSupportWithTests(t *testing.T) {
	a := ruletest.Analyzer(t, "tests = true\n", server.TLS())
	analysistest.Run(t, ruletest.TestData(), a, "tlstestsupport")
}

// TestTLSSelfProbe: a configuration that only dials a loopback address is
// quiet; the same one dialing another host is reported.
func TestTLSSelfProbe(t *testing.T) {
	analysistest.Run(t, ruletest.TestData(), ruletest.Analyzer(t, "", server.TLS()), "tlsselfprobe")
}
