package secrets_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
	"github.com/prodlint/prodlint/analyzers/secrets"
)

func TestLogged(t *testing.T) {
	a := ruletest.Analyzer(t, "", secrets.Logged())
	analysistest.Run(t, ruletest.TestData(), a, "secret-logged", "secret-logged/structured")
}

// TestLoggedCreatedToken: a command-line program printing the credential
// it was run to create is quiet; logging it, or printing a configured one,
// is reported.
func TestLoggedCreatedToken(t *testing.T) {
	analysistest.Run(t, ruletest.TestData(), ruletest.Analyzer(t, "", secrets.Logged()), "secret-logged/createdtoken")
}
