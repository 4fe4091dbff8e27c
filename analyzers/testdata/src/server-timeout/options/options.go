// Package servertimeoutoptions runs server-timeout with
// read-header-timeout = "5s" and require-write-timeout = true.
package servertimeoutoptions

import (
	"net/http"
	"time"
)

func noTimeouts(mux *http.ServeMux) *http.Server {
	return &http.Server{Addr: ":8080", Handler: mux} // want `\[server-timeout\] http.Server has neither ReadHeaderTimeout nor ReadTimeout` `\[server-timeout\] http.Server has no WriteTimeout or IdleTimeout: a client that stops reading its response, or an idle keep-alive connection, holds a connection and a goroutine forever; set WriteTimeout and IdleTimeout`
}

func noIdle(mux *http.ServeMux) *http.Server {
	return &http.Server{ // want `\[server-timeout\] http.Server has no IdleTimeout: .*; set IdleTimeout`
		Addr:              ":8080",
		Handler:           mux,
		ReadHeaderTimeout: 5 * time.Second,
		WriteTimeout:      30 * time.Second,
	}
}

// Safe twin: every timeout set, some later.
func allTimeouts(mux *http.ServeMux) *http.Server {
	srv := &http.Server{
		Addr:              ":8080",
		Handler:           mux,
		ReadHeaderTimeout: 5 * time.Second,
		WriteTimeout:      30 * time.Second,
	}
	srv.IdleTimeout = 2 * time.Minute
	return srv
}

// Safe twin: a loopback listener.
func debug(mux *http.ServeMux) *http.Server {
	return &http.Server{Addr: "127.0.0.1:6060", Handler: mux}
}
