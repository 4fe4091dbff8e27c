// Package mocks is server-timeout/internal/mocks analyzed with tests = true:
// test-support packages are then reported like _test.go files.
package mocks

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
