package secrets_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
	"github.com/prodlint/prodlint/analyzers/secrets"
)

func TestLiteral(t *testing.T) {
	a := ruletest.Analyzer(t, "", secrets.Literal())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "secretliteral")
}

func TestLiteralOptions(t *testing.T) {
	a := ruletest.Analyzer(t, `[rules.secret-literal]
entropy = 4.5
min_length = 24
allow = ["^AKIA.*TESTONLY$", "^ghp_SnH6"]
allow_paths = ["**/fixtures_*.go"]
`, secrets.Literal())
	analysistest.Run(t, ruletest.TestData(), a, "secretliteraloptions")
}

func TestLiteralInvalidAllowRegexp(t *testing.T) {
	a := ruletest.Analyzer(t, "[rules.secret-literal]\nallow = [\"(unclosed\"]\n", secrets.Literal())
	res := analysistest.Run(&errorT{T: t}, ruletest.TestData(), a, "secretliteraloptions")
	if len(res) != 1 || res[0].Err == nil {
		t.Fatalf("want one result with an error, got %v", res)
	}
	if msg := res[0].Err.Error(); !strings.Contains(msg, "option allow") || !strings.Contains(msg, "(unclosed") {
		t.Errorf("error %q does not name the option and the pattern", msg)
	}
}

// errorT lets a test inspect an analysis error analysistest would
// otherwise fail on.
type errorT struct{ *testing.T }

func (e *errorT) Errorf(format string, args ...any) {}
