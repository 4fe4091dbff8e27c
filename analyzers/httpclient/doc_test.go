package httpclient_test

import (
	"strings"
	"testing"

	"github.com/prodlint/prodlint/analyzers/httpclient"
)

// TestFamily holds the family to its shape: http- ids, enabled by
// default except http-status (opt-in: on unseen code about half its
// findings were right), with the net/http fast path, except http-timeout,
// whose check of callers that pass a request's context runs in packages
// that do not import net/http. The documentation contract of every rule is
// analyzers' registry and quiet-form tests.
func TestFamily(t *testing.T) {
	noFastPath := map[string]bool{"http-timeout": true}
	optIn := map[string]bool{"http-status": true}
	for _, r := range httpclient.Rules() {
		if !strings.HasPrefix(r.ID, "http-") || r.Enabled == optIn[r.ID] || len(r.Imports) == 0 != noFastPath[r.ID] {
			t.Errorf("%s: want an http- id, enabled by default unless it is %v, with the net/http fast path unless it is %v",
				r.ID, optIn, noFastPath)
		}
	}
}
