package secrets_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
	"github.com/prodlint/prodlint/analyzers/secrets"
)

// namesTOML switches on the name-based findings, which the older
// fixtures are about.
const namesTOML = "[rules.secret-logged]\nnames = true\n"

func TestLogged(t *testing.T) {
	a := ruletest.Analyzer(t, namesTOML, secrets.Logged())
	analysistest.Run(t, ruletest.TestData(), a, "secret-logged", "secret-logged/structured", "secret-logged/collected")
}

// TestLoggedCreatedToken: a command-line program printing the credential
// it was run to create is quiet; logging it, or printing a configured one,
// is reported.
func TestLoggedCreatedToken(t *testing.T) {
	analysistest.Run(t, ruletest.TestData(), ruletest.Analyzer(t, namesTOML, secrets.Logged()), "secret-logged/createdtoken")
}

// TestLoggedDefault: by default only credentials by origin or type are
// reported; names alone are not, nor the quiet forms.
func TestLoggedDefault(t *testing.T) {
	analysistest.Run(t, ruletest.TestData(), ruletest.Analyzer(t, "", secrets.Logged()), "secret-logged/quiet", "secret-logged/redactedkey")
}

// TestLoggedResponseHeaderAcrossPackages: a header another package's
// function returns is known to be a response's by that function's summary
// (an analysis fact), and is quiet; a request's header returned the same
// way is reported.
func TestLoggedResponseHeaderAcrossPackages(t *testing.T) {
	analysistest.Run(t, ruletest.TestData(), ruletest.Analyzer(t, "", secrets.Logged()),
		"secret-logged/respheader/client", "secret-logged/respheader/use")
}
