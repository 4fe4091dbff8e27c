package server_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
	"github.com/prodlint/prodlint/analyzers/server"
)

func TestRequestBody(t *testing.T) {
	a := ruletest.Analyzer(t, "", server.RequestBody())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "request-body-unbounded", "request-body-unbounded/examples/webhook", "request-body-unbounded/bodyvar")
}

func TestRequestBodyMiddleware(t *testing.T) {
	a := ruletest.Analyzer(t, "", server.RequestBody())
	analysistest.Run(t, ruletest.TestData(), a, "request-body-unbounded/middleware", "request-body-unbounded/maxhandler", "request-body-unbounded/unusedmiddleware",
		"request-body-unbounded/fakeapi", "request-body-unbounded/recorder", "request-body-unbounded/dispatch",
		"request-body-unbounded/aliasmiddleware", "request-body-unbounded/aliasnolimit", "request-body-unbounded/routedlimit", "request-body-unbounded/loopback", "request-body-unbounded/loopbackserve",
		"request-body-unbounded/loopbackexport", "request-body-unbounded/loopbackescape",
		"request-body-unbounded/typemiddleware")
}

func TestRequestBodyOptions(t *testing.T) {
	a := ruletest.Analyzer(t, "[rules.request-body-unbounded]\nmax-body-bytes = 65536\nmax-multipart-memory = 1048576\n", server.RequestBody())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "request-body-unbounded/options")
}

// TestRequestBodyFacts: a middleware or helper declared in another package
// of the module that limits the body (the LimitsBody fact) quiets the
// handlers behind it; one that limits nothing does not.
func TestRequestBodyFacts(t *testing.T) {
	a := ruletest.Analyzer(t, "", server.RequestBody())
	analysistest.Run(t, ruletest.TestData(), a, "request-body-unbounded/fact/mw", "request-body-unbounded/fact/api", "request-body-unbounded/fact/helperuse", "request-body-unbounded/fact/unwrapped", "request-body-unbounded/fact/handlers", "request-body-unbounded/fact/methods", "request-body-unbounded/fact/wrapcall", "request-body-unbounded/fact/wrappedrouter", "request-body-unbounded/fact/plainrouter", "request-body-unbounded/fact/decodeuse",
		"request-body-unbounded/fact/mwtype", "request-body-unbounded/fact/typeapi", "request-body-unbounded/fact/typelit", "request-body-unbounded/fact/typeunwrapped",
		"request-body-unbounded/fact/useapi", "request-body-unbounded/fact/usenolimit")
}

// TestRequestBodyFixHint: where a middleware wraps the handlers, or the
// read is a multipart upload, the finding carries a hint and no fix.
func TestRequestBodyFixHint(t *testing.T) {
	a := ruletest.Analyzer(t, "", server.RequestBody())
	for _, res := range analysistest.Run(t, ruletest.TestData(), a, "request-body-unbounded/fixhint", "request-body-unbounded/fact/unwrapped") {
		for _, d := range res.Diagnostics {
			if len(d.SuggestedFixes) > 0 {
				t.Errorf("%v: a fix was offered where a middleware may already limit the body", res.Pass.Fset.Position(d.Pos))
			}
		}
	}
}
