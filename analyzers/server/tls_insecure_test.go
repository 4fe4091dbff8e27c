package server_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
	"github.com/prodlint/prodlint/analyzers/server"
)

func TestTLS(t *testing.T) {
	a := ruletest.Analyzer(t, "", server.TLS())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "tls-insecure")
}

func TestTLSTestFiles(t *testing.T) {
	a := ruletest.Analyzer(t, "", server.TLS())
	analysistest.Run(t, ruletest.TestData(), a, "tls-insecure/testfile")
}

// TestTLSTestSupportWithTests: with tests = true, test-support files are
// reported like _test.go files.
func TestTLSTestSupportWithTests(t *testing.T) {
	a := ruletest.Analyzer(t, "tests = true\n", server.TLS())
	analysistest.Run(t, ruletest.TestData(), a, "tls-insecure/testsupport")
}

// TestTLSSelfProbe: a configuration that only dials a loopback address is
// quiet; the same one dialing another host is reported.
func TestTLSSelfProbe(t *testing.T) {
	analysistest.Run(t, ruletest.TestData(), ruletest.Analyzer(t, "", server.TLS()), "tls-insecure/selfprobe")
}

// TestTLSServerSide: InsecureSkipVerify on a configuration that reaches
// only a TLS server (listeners, tls.Server, http.Server.TLSConfig, through
// variables, clones and the package's own functions) is quiet; reaching a
// client, an exported result or an unknown callee is reported.
func TestTLSServerSide(t *testing.T) {
	analysistest.Run(t, ruletest.TestData(), ruletest.Analyzer(t, "", server.TLS()), "tls-insecure/serverside")
}

// TestTLSPeerCheck: a client that inspects the peer's certificates itself
// after the handshake is quiet; one that only counts them is reported.
func TestTLSPeerCheck(t *testing.T) {
	analysistest.Run(t, ruletest.TestData(), ruletest.Analyzer(t, "", server.TLS()), "tls-insecure/peercheck")
}

// TestTLSOptIn: skip-verify under a condition is quiet only when the
// condition names an explicit opt-in; the default transport always counts.
func TestTLSOptIn(t *testing.T) {
	analysistest.Run(t, ruletest.TestData(), ruletest.Analyzer(t, "", server.TLS()), "tls-insecure/optin")
}
