// Package mockoidc is the twin of server-timeout/internal/mocks: only a
// whole path element testonly, testutil, testutils, mock or mocks marks a
// test-support package, so a production package whose name merely starts
// with mock is still reported.
package mockoidc

import (
	"net/http"
	"strings"
)

func createHTTPServer(issuerURL string) *http.Server {
	addr := strings.Split(issuerURL, "http://")[1]
	mux := http.NewServeMux()
	mux.HandleFunc("/.well-known/openid-configuration", func(w http.ResponseWriter, r *http.Request) {})
	return &http.Server{Addr: addr, Handler: mux} // want `\[server-timeout\] http.Server has neither ReadHeaderTimeout nor ReadTimeout`
}
