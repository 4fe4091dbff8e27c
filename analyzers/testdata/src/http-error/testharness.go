package httperror

import "testing"

// Test-harness code outside a _test.go file (a function that uses a
// *testing.T) is test code: out of scope with tests = false. Added with the
// corpus triage of caddy's caddytest package.
func pokeForTest(t *testing.T, u string) {
	client.Post(u, "text/plain", nil)
	t.Log("poked")
}
