// Package runner serves a server it is given on any listener.
package runner

import (
	"net"
	"net/http"
)

// Run serves srv on ln, whatever srv.Addr says.
func Run(srv *http.Server, ln net.Listener) error { return srv.Serve(ln) }
