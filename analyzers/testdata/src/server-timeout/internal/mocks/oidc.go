// Package mocks is a test-support package (a mocks directory) that does
// not import testing: with tests = false, prodlint does not report it.
//
// From openfga internal/mocks/mock_oidc_server.go:92 (a mock OIDC issuer
// started by the test harness).
package mocks

import (
	"net/http"
	"strings"
)

func createHTTPServer(issuerURL string) *http.Server {
	addr := strings.Split(issuerURL, "http://")[1]
	mux := http.NewServeMux()
	mux.HandleFunc("/.well-known/openid-configuration", func(w http.ResponseWriter, r *http.Request) {})
	return &http.Server{Addr: addr, Handler: mux}
}
