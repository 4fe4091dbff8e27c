package server_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
	"github.com/prodlint/prodlint/analyzers/server"
)

// skipVerifyOn is the rules.toml that turns on the skip-verify tier.
const skipVerifyOn = "[rules.tls-insecure]\nskip-verify = true\n"

func TestTLS(t *testing.T) {
	a := ruletest.Analyzer(t, skipVerifyOn, server.TLS())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "tls-insecure")
}

func TestTLSTestFiles(t *testing.T) {
	a := ruletest.Analyzer(t, skipVerifyOn, server.TLS())
	analysistest.Run(t, ruletest.TestData(), a, "tls-insecure/testfile")
}

// TestTLSTestSupportWithTests: with tests = true, test-support files are
// reported like _test.go files.
func TestTLSTestSupportWithTests(t *testing.T) {
	a := ruletest.Analyzer(t, "tests = true\n"+skipVerifyOn, server.TLS())
	analysistest.Run(t, ruletest.TestData(), a, "tls-insecure/testsupport")
}

// TestTLSSelfProbe: a configuration that only dials a loopback address is
// quiet; the same one dialing another host is reported.
func TestTLSSelfProbe(t *testing.T) {
	analysistest.Run(t, ruletest.TestData(), ruletest.Analyzer(t, skipVerifyOn, server.TLS()), "tls-insecure/selfprobe")
}

// TestTLSServerSide: InsecureSkipVerify on a configuration that reaches
// only a TLS server (listeners, tls.Server, http.Server.TLSConfig, through
// variables, clones and the package's own functions) is quiet; reaching a
// client, an exported result or an unknown callee is reported.
func TestTLSServerSide(t *testing.T) {
	analysistest.Run(t, ruletest.TestData(), ruletest.Analyzer(t, skipVerifyOn, server.TLS()), "tls-insecure/serverside")
}

// TestTLSPeerCheck: a client that inspects the peer's certificates itself
// after the handshake is quiet; one that only counts them is reported.
func TestTLSPeerCheck(t *testing.T) {
	analysistest.Run(t, ruletest.TestData(), ruletest.Analyzer(t, skipVerifyOn, server.TLS()), "tls-insecure/peercheck")
}

// TestTLSOptIn: skip-verify under a condition is quiet only when the
// condition names an explicit opt-in; the default transport always counts.
func TestTLSOptIn(t *testing.T) {
	analysistest.Run(t, ruletest.TestData(), ruletest.Analyzer(t, skipVerifyOn, server.TLS()), "tls-insecure/optin")
}

// TestTLSDefaultTier: by default only an old MinVersion is reported, and
// its fix leaves InsecureSkipVerify alone; with skip-verify = true the same
// package's skip-verify settings are reported too.
func TestTLSDefaultTier(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), ruletest.Analyzer(t, "", server.TLS()), "tls-insecure/defaulttier")
	on := ruletest.Analyzer(t, skipVerifyOn, server.TLS())
	n := ruletest.CountFindings(t, on, "tls-insecure/defaulttier")
	if n != 4 {
		t.Errorf("skip-verify = true: %d findings in tls-insecure/defaulttier, want 4", n)
	}
}
