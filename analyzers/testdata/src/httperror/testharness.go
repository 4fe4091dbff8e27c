package httperror

import "testing"

// Test-harness code outside a _test.go file (a function that uses a
// *testing.T) is test code: out of scope with tests = false. Added with the
// corpus triage of caddy's caddytest package.
func pokeForTest(t *testing.T, u string) {
	client.Post(u, "text/plain", nil)
	t.Log("poked")
}

// The same call in code that has no *testing.T is reported.
func poke(u string) {
	client.Post(u, "text/plain", nil) // want `\[http-error\] the error of client.Post is discarded with the response`
}
