package httpclient_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/httpclient"
	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
)

// onStatus switches the rule on: it is opt-in.
const onStatus = "[rules.http-status]\nenabled = true\n"

func TestStatus(t *testing.T) {
	a := ruletest.Analyzer(t, onStatus, httpclient.Status())
	analysistest.Run(t, ruletest.TestData(), a, "http-status")
}

// TestStatusOffByDefault: the rule is opt-in; with the default rules.toml
// the fixture's unchecked reads (reported when switched on) are quiet.
func TestStatusOffByDefault(t *testing.T) {
	if n := ruletest.CountFindings(t, ruletest.Analyzer(t, "", httpclient.Status()), "http-status"); n != 0 {
		t.Errorf("default configuration: %d findings in http-status, want 0", n)
	}
	if n := ruletest.CountFindings(t, ruletest.Analyzer(t, onStatus, httpclient.Status()), "http-status"); n == 0 {
		t.Errorf("switched on: no findings in http-status")
	}
}
