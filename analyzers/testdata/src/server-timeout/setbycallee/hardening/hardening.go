// Package hardening sets server timeouts for the packages of its module.
package hardening

import (
	"net/http"
	"time"
)

// Harden bounds the read of the request headers of srv.
func Harden(srv *http.Server) *http.Server {
	srv.ReadHeaderTimeout = 10 * time.Second
	return srv
}

// Defaults hands srv on to Harden.
func Defaults(srv *http.Server) { Harden(srv) }

// StreamOnly bounds only the write of the response: the headers are still
// read without a deadline.
func StreamOnly(srv *http.Server) {
	srv.WriteTimeout = time.Minute
}

// Unset sets the read timeout to 0, which is no timeout.
func Unset(srv *http.Server) {
	srv.ReadTimeout = 0
}
