package httpstatus

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"testing"
	"time"
)

// From the corpus: caddy caddytest/caddytest.go:151 and :238, bodies read
// without a status check in a test-harness package (a non-_test.go file
// that only tests import): the body is logged on failure, or compared with
// the expected config in a polling loop. Test code is out of scope with
// tests = false.
type tester struct {
	t    *testing.T
	port int
}

func (tc *tester) initServer() {
	tc.t.Cleanup(func() {
		if tc.t.Failed() {
			res, err := client.Get(fmt.Sprintf("http://localhost:%d/config/", tc.port))
			if err != nil {
				return
			}
			defer res.Body.Close()
			body, _ := io.ReadAll(res.Body)
			tc.t.Logf("config: %s", body)
		}
	})
}

func (tc *tester) ensureConfigRunning(expected any) error {
	fetchConfig := func(client *http.Client) any {
		resp, err := client.Get(fmt.Sprintf("http://localhost:%d/config/", tc.port))
		if err != nil {
			return nil
		}
		defer resp.Body.Close()
		actualBytes, err := io.ReadAll(resp.Body)
		if err != nil {
			return nil
		}
		var actual any
		if json.Unmarshal(actualBytes, &actual) != nil {
			return nil
		}
		return actual
	}
	for range 10 {
		if reflect.DeepEqual(expected, fetchConfig(client)) {
			return nil
		}
		time.Sleep(time.Second)
	}
	tc.t.Errorf("configuration isn't active")
	return fmt.Errorf("configuration isn't active")
}
