package httpclient_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/httpclient"
	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
)

func TestTimeout(t *testing.T) {
	a := ruletest.Analyzer(t, "", httpclient.Timeout())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "http-timeout")
	analysistest.Run(t, ruletest.TestData(), a, "http-timeout/default", "http-timeout/replaced", "http-timeout/fact/use",
		"http-timeout/reqctx/handlers", "http-timeout/reqctx/forged", "http-timeout/reqctx/unkeyed", "http-timeout/reqctx/routes",
		"http-timeout/faultproxy/internal/harness", "http-timeout/faultproxy/internal/shared",
		"http-timeout/generator", "http-timeout/generatortwin",
		"http-timeout/fieldclient/api", "http-timeout/fieldclient/use")
}

func TestTimeoutOptions(t *testing.T) {
	a := ruletest.Analyzer(t, "[rules.http-timeout]\ntimeout = \"1500ms\"\n", httpclient.Timeout())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "http-timeout/options")
}
