package httpclient_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/httpclient"
	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
)

func TestError(t *testing.T) {
	a := ruletest.Analyzer(t, "", httpclient.Error())
	analysistest.Run(t, ruletest.TestData(), a, "http-error", "http-error/helper/api", "http-error/helper/use")
}
