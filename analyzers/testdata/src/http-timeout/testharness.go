package httptimeout

import (
	"fmt"
	"io"
	"net/http"
	"testing"
)

// From the corpus: caddy caddytest/caddytest.go:145, an http.Get in a
// t.Cleanup of a test-harness package (a non-_test.go file that only tests
// import) against the server the test started. Test code is out of scope
// with tests = false.
type tester struct {
	t    *testing.T
	port int
}

func (tc *tester) initServer() {
	tc.t.Cleanup(func() {
		if tc.t.Failed() {
			res, err := http.Get(fmt.Sprintf("http://localhost:%d/config/", tc.port))
			if err != nil {
				tc.t.Log("unable to read the current config")
				return
			}
			defer res.Body.Close()
			body, _ := io.ReadAll(res.Body)
			tc.t.Logf("config: %s", body)
		}
	})
}

// A helper that takes testing.TB and never uses it is test code too.
func fetchForTest(_ testing.TB, url string) (*http.Response, error) {
	return (&http.Client{}).Get(url)
}
