package secrets_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
	"github.com/prodlint/prodlint/analyzers/secrets"
)

func TestLogged(t *testing.T) {
	a := ruletest.Analyzer(t, "", secrets.Logged())
	analysistest.Run(t, ruletest.TestData(), a, "secretlogged", "secretloggedstructured")
}
