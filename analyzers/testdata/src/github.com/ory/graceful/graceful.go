// Package graceful is a stub of github.com/ory/graceful: WithDefaults sets
// every zero timeout of the server it is handed.
package graceful

import (
	"net/http"
	"time"
)

// WithDefaults patches srv with ReadTimeout, ReadHeaderTimeout,
// WriteTimeout and IdleTimeout when they are zero.
func WithDefaults(srv *http.Server) *http.Server {
	if srv.ReadTimeout == 0 {
		srv.ReadTimeout = 5 * time.Second
	}
	if srv.ReadHeaderTimeout == 0 {
		srv.ReadHeaderTimeout = 5 * time.Second
	}
	if srv.WriteTimeout == 0 {
		srv.WriteTimeout = 10 * time.Second
	}
	if srv.IdleTimeout == 0 {
		srv.IdleTimeout = 120 * time.Second
	}
	return srv
}

// Graceful runs start and calls shutdown on SIGINT or SIGTERM.
func Graceful(start func() error, shutdown func(ctx interface{ Done() <-chan struct{} }) error) error {
	return start()
}
