package httpclient_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/httpclient"
	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
)

func TestStatus(t *testing.T) {
	a := ruletest.Analyzer(t, "", httpclient.Status())
	analysistest.Run(t, ruletest.TestData(), a, "http-status")
}
