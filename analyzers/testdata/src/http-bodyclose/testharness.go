package httpbodyclose

import "testing"

// Test-harness code outside a _test.go file (a function that uses a
// testing.TB) is test code: out of scope with tests = false. Added with the
// corpus triage of caddy's caddytest package.
func statusForTest(tb testing.TB, u string) int {
	resp, err := client.Get(u)
	if err != nil {
		tb.Fatal(err)
	}
	return resp.StatusCode
}
