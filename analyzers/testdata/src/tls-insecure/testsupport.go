package tlsinsecure

// A test-support file (it imports "testing"): a harness that talks to the
// test's own server with a throwaway certificate runs inside test
// binaries only, so InsecureSkipVerify there is not reported.
//
// From the corpus: caddy caddytest/caddytest.go:360
// (CreateTestingTransport's TLSClientConfig).

import (
	"crypto/tls"
	"net/http"
	"testing"
	"time"
)

func CreateTestingTransport() *http.Transport {
	return &http.Transport{
		TLSHandshakeTimeout: 5 * time.Second,
		TLSClientConfig:     &tls.Config{InsecureSkipVerify: true},
	}
}

func NewTester(t *testing.T) *http.Client {
	t.Helper()
	return &http.Client{Transport: CreateTestingTransport()}
}
