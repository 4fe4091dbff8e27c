package server_test

import (
	"strings"
	"testing"
	"unicode"

	"github.com/prodlint/prodlint/analyzers/server"
)

// TestDocs checks that every rule of the family is documented completely:
// the page generator and `prodlint help` print these fields.
func TestDocs(t *testing.T) {
	for _, r := range server.Rules() {
		d := r.Doc
		if d.Title == "" || len(d.Title) > 70 || strings.HasSuffix(d.Title, ".") || unicode.IsUpper(rune(d.Title[0])) {
			t.Errorf("%s: Title %q must be lower-case, at most 70 characters, without a final period", r.ID, d.Title)
		}
		for field, text := range map[string]string{"Why": d.Why, "Bad": d.Bad, "Good": d.Good, "Quiet or Scope": d.Quiet + d.Scope} {
			if strings.TrimSpace(text) == "" {
				t.Errorf("%s: empty Doc.%s", r.ID, field)
			}
		}
	}
}
