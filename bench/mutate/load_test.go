package main

import "testing"

// TestSkipDir: the directories prodlint's default configuration treats as
// non-production hold no sites (a mutant there could only be missed), and
// the production directories that look like them still do.
func TestSkipDir(t *testing.T) {
	for rel, want := range map[string]bool{
		"tools/auth":                      true,  // the module's top-level tools directory
		"pkg/tools/search":                false, // a tools package deeper down may be production
		"internal/cmd/fluxtest-harness-x": true,
		"cmd/stress-client":               true,
		"cmd/dev":                         true,
		"cmd/release":                     true,
		"cmd/server":                      false,
		"hack/gen":                        true,
		"devtools/lint":                   true,
		"internal/testing":                true,
		"internal/testing/fake":           true,
		"pkg/testing":                     false,
		"test/integration":                true,
		"conformance/v1":                  true,
		"services/httpd":                  false,
		"internal/credentials":            false,
		"examples/basic":                  true,
		"app/vlagent/kubernetescollector": false,
		"lib/connections":                 false,
	} {
		if got := skipDir(rel); got != want {
			t.Errorf("skipDir(%q) = %v, want %v", rel, got, want)
		}
	}
}
