package requestbody

// A test-support file (it imports "testing"): its mock servers run inside
// test binaries only, so their unbounded body reads are not reported.
//
// From the corpus: alertmanager test/testutils/mock.go:224
// (json.NewDecoder(req.Body).Decode in MockWebhook.ServeHTTP).

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

type mockWebhook struct{ got []order }

func (m *mockWebhook) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	var o order
	if err := json.NewDecoder(req.Body).Decode(&o); err != nil {
		panic(err)
	}
	m.got = append(m.got, o)
}

func newMockWebhook(t *testing.T) *mockWebhook {
	m := &mockWebhook{}
	srv := httptest.NewServer(m)
	t.Cleanup(srv.Close)
	return m
}
