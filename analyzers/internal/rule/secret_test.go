package rule

import (
	"go/token"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/prodlint/prodlint/internal/secret"
)

type span struct{ pos, end token.Pos }

func (s span) Pos() token.Pos { return s.pos }
func (s span) End() token.Pos { return s.end }

// ReportSecret masks the secret in every text of the diagnostic and
// marks its source range; Report leaves a diagnostic as it is.
func TestMaskDiagnostic(t *testing.T) {
	const key = "AKIAVQJXXVBOTHD2WTFL"
	d := analysis.Diagnostic{
		Message: "holds " + key,
		SuggestedFixes: []analysis.SuggestedFix{{
			Message:   "Move " + key + " out",
			TextEdits: []analysis.TextEdit{{Pos: 1, End: 2, NewText: []byte(`os.Getenv("K") // was ` + key)}},
		}},
		Related: []analysis.RelatedInformation{{Pos: 3, Message: "first seen as " + key}},
	}
	got := maskDiagnostic(d, Secret{Values: []string{key}, Source: span{10, 32}})
	texts := []string{got.Message, got.SuggestedFixes[0].Message, string(got.SuggestedFixes[0].TextEdits[0].NewText), got.Related[0].Message}
	for _, s := range texts {
		if strings.Contains(s, key) || !strings.Contains(s, "AKIA****") {
			t.Errorf("text %q is not masked", s)
		}
	}
	if len(got.Related) != 2 || !secret.IsMark(got.Related[1]) || got.Related[1].Pos != 10 || got.Related[1].End != 32 {
		t.Errorf("source range not marked: %+v", got.Related)
	}
	if !strings.Contains(d.Message, key) || !strings.Contains(d.SuggestedFixes[0].Message, key) || !strings.Contains(d.Related[0].Message, key) {
		t.Error("masking changed the caller's diagnostic")
	}
}
