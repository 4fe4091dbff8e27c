package httpclient_test

import (
	"strings"
	"testing"

	"github.com/prodlint/prodlint/analyzers/httpclient"
)

// TestFamily holds the family to its shape: http- ids, enabled by
// default, with the net/http fast path. The documentation contract of
// every rule is analyzers' registry and quiet-form tests.
func TestFamily(t *testing.T) {
	for _, r := range httpclient.Rules() {
		if !strings.HasPrefix(r.ID, "http-") || !r.Enabled || len(r.Imports) == 0 {
			t.Errorf("%s: want an http- id, enabled by default, with the net/http fast path", r.ID)
		}
	}
}
