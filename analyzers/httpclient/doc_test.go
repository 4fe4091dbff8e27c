package httpclient_test

import (
	"strings"
	"testing"
	"unicode"

	"github.com/prodlint/prodlint/analyzers/httpclient"
)

// TestDocs holds every rule of the family to the documentation contract.
func TestDocs(t *testing.T) {
	for _, r := range httpclient.Rules() {
		d := r.Doc
		if d.Title == "" || len(d.Title) > 70 || strings.HasSuffix(d.Title, ".") || !unicode.IsLower(rune(d.Title[0])) {
			t.Errorf("%s: Title %q: want lower-case, at most 70 characters, no final period", r.ID, d.Title)
		}
		for field, text := range map[string]string{"Why": d.Why, "Bad": d.Bad, "Good": d.Good, "Quiet or Scope": d.Quiet + d.Scope} {
			if strings.TrimSpace(text) == "" {
				t.Errorf("%s: empty Doc.%s", r.ID, field)
			}
		}
		if !strings.HasPrefix(r.ID, "http-") || !r.Enabled || len(r.Imports) == 0 {
			t.Errorf("%s: want an http- id, enabled by default, with the net/http fast path", r.ID)
		}
	}
}
