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

// The same call in code that has no testing.TB is reported.
func status(u string) (int, error) {
	resp, err := client.Get(u) // want `\[http-bodyclose\] the body of the response from client.Get is never closed`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}
