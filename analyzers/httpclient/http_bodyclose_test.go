package httpclient_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/httpclient"
	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
)

func TestBodyClose(t *testing.T) {
	a := ruletest.Analyzer(t, "", httpclient.BodyClose())
	analysistest.Run(t, ruletest.TestData(), a, "http-bodyclose", "http-bodyclose/cmdonce", "http-bodyclose/cmdcobra", "http-bodyclose/cmdloop", "http-bodyclose/cmdexit",
		"http-bodyclose/helper/api", "http-bodyclose/helper/use")
}
