package secrets_test

import (
	"os"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/prodlint/prodlint/analyzers/internal/ruletest"
	"github.com/prodlint/prodlint/analyzers/secrets"
)

// namesOn turns on the name-bound tier, which most fixtures exercise.
const namesOn = "[rules.secret-literal]\nnames = true\n"

func TestLiteral(t *testing.T) {
	a := ruletest.Analyzer(t, namesOn, secrets.Literal())
	analysistest.RunWithSuggestedFixes(t, ruletest.TestData(), a, "secret-literal", "secret-literal/testonly", "secret-literal/crypto/keys")
}

// TestLiteralTestSupportWithTests: with tests = true, test-support packages
// (a testonly directory) are reported like _test.go files.
func TestLiteralTestSupportWithTests(t *testing.T) {
	a := ruletest.Analyzer(t, "tests = true\n"+namesOn, secrets.Literal())
	analysistest.Run(t, ruletest.TestData(), a, "secret-literal/testsupport/testonly")
}

func TestLiteralOptions(t *testing.T) {
	a := ruletest.Analyzer(t, `[rules.secret-literal]
names = true
entropy = 4.5
min_length = 24
allow = ["^AKIA.*TESTONLY$", "^ghp_SnH6"]
allow_paths = ["**/fixtures_*.go"]
`, secrets.Literal())
	analysistest.Run(t, ruletest.TestData(), a, "secret-literal/options")
}

func TestLiteralInvalidAllowRegexp(t *testing.T) {
	a := ruletest.Analyzer(t, "[rules.secret-literal]\nallow = [\"(unclosed\"]\n", secrets.Literal())
	res := analysistest.Run(&errorT{T: t}, ruletest.TestData(), a, "secret-literal/options")
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

// TestLiteralNeverPrintsSecret checks that no finding of secret-literal
// carries the credential it reports: not in the message, the related
// information or the fix text. Only the masked form may appear.
func TestLiteralNeverPrintsSecret(t *testing.T) {
	a := ruletest.Analyzer(t, namesOn, secrets.Literal())
	results := analysistest.Run(t, ruletest.TestData(), a, "secret-literal")
	n := 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			n++
			value := literalSource(t, r.Pass.Fset.File(d.Pos).Name(), r.Pass.Fset.Position(d.Pos).Offset, r.Pass.Fset.Position(d.End).Offset)
			texts := []string{d.Message}
			for _, rel := range d.Related {
				texts = append(texts, rel.Message)
			}
			for _, f := range d.SuggestedFixes {
				texts = append(texts, f.Message)
				for _, e := range f.TextEdits {
					texts = append(texts, string(e.NewText))
				}
			}
			for _, text := range texts {
				if leaked := sharedRun(value, text, 9); leaked != "" {
					t.Errorf("%s: finding text %q carries %q of the flagged value", r.Pass.Fset.Position(d.Pos), text, leaked)
				}
			}
		}
	}
	if n < 40 {
		t.Fatalf("only %d findings checked", n)
	}
}

// literalSource returns the characters of a string expression's source
// between two offsets, without quotes, concatenation operators and
// escapes: a close enough approximation of its value.
func literalSource(t *testing.T, filename string, start, end int) string {
	src, err := os.ReadFile(filename)
	if err != nil {
		t.Fatal(err)
	}
	s := string(src[start:end])
	return strings.NewReplacer(`"`, "", "`", "", " + ", "", "\\n", "\n", "\n\t", "").Replace(s)
}

// sharedRun returns a run of n characters of value found in text, skipping
// runs that are hosts or ports (db.internal:5432 is not a secret) and
// runs without a digit, which may be the message's own words.
func sharedRun(value, text string, n int) string {
	for i := 0; i+n <= len(value); i++ {
		run := value[i : i+n]
		if strings.ContainsAny(run, "*@:./-= \n") || !strings.ContainsAny(run, "0123456789") {
			continue
		}
		if strings.Contains(text, run) {
			return run
		}
	}
	return ""
}

// TestLiteralShapes: help text and pagination tokens are quiet beside
// twins that are reported.
func TestLiteralShapes(t *testing.T) {
	a := ruletest.Analyzer(t, namesOn, secrets.Literal())
	analysistest.Run(t, ruletest.TestData(), a, "secret-literal/helptext", "secret-literal/pagination")
}

// TestLiteralDefaultFormatsOnly: by default only documented formats are
// reported; a high-entropy value whose only sign of a credential is the name
// it is bound to stays quiet beside format twins that are reported.
func TestLiteralDefaultFormatsOnly(t *testing.T) {
	a := ruletest.Analyzer(t, "", secrets.Literal())
	analysistest.Run(t, ruletest.TestData(), a, "secret-literal/formatsonly")
}
