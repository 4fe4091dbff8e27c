package gclplugin

import (
	"encoding/json"
	"strings"
	"testing"
)

// FuzzNew: whatever settings golangci-lint hands over (decoded from YAML
// into maps, slices and scalars; JSON here), New returns a plugin or an
// error that says it is about prodlint's settings, never a panic.
func FuzzNew(f *testing.F) {
	for _, seed := range []string{
		`null`,
		`{}`,
		`{"tests": true, "exclude": ["gen/**"]}`,
		`{"rules": {"http-timeout": {"timeout": "5s", "severity": "warning"}}}`,
		`{"rules": {"http-timeout": {"timout": "5s"}}}`,
		`{"rules": {"secret-literal": {"entropy": 4, "min_length": 12, "allow": ["^x"]}}}`,
		`{"rules": {"no-such-rule": {}}}`,
		`{"rules": [1, 2]}`,
		`{"rules": {"http-timeout": null}}`,
		`{"exclude": [{"a": 1}]}`,
		`[1, "two"]`,
		`"a string"`,
		`{"rules": {"http-timeout": {"enabled": "yes"}}}`,
		`{"rules": {"sql-pool-unbounded": {"max-open-conns": 1e30}}}`,
		`{"a.b": {"c\"d": "]["}}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var raw any
		if json.Unmarshal(data, &raw) != nil {
			return
		}
		p, err := New(raw)
		if err != nil {
			if !strings.Contains(err.Error(), "prodlint") {
				t.Fatalf("error %q does not say it is about prodlint's settings", err)
			}
			return
		}
		if _, err := p.BuildAnalyzers(); err != nil {
			t.Fatalf("valid settings, but BuildAnalyzers failed: %v", err)
		}
	})
}
