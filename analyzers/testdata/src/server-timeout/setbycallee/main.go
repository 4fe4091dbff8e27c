// Package main hands its servers to functions that set (or do not set)
// their read timeouts.
package main

import (
	"net/http"
	"time"

	"github.com/ory/graceful"

	"server-timeout/setbycallee/hardening"
)

// quietReadTimeoutSetByCallee: each server is handed to a function that
// bounds the read of its headers: a library function that fills zero
// timeouts, a function of another package of the module (through its
// fact, also when it hands the server on), and a function of this package.
func quietReadTimeoutSetByCallee(mux *http.ServeMux) {
	metrics := graceful.WithDefaults(&http.Server{Addr: ":9090", Handler: mux})
	go metrics.ListenAndServe()

	api := &http.Server{Addr: ":8080", Handler: mux}
	hardening.Harden(api)
	go api.ListenAndServe()

	admin := &http.Server{Addr: ":8081", Handler: mux}
	hardening.Defaults(admin)
	go admin.ListenAndServe()

	srv := configure(&http.Server{Addr: ":8082", Handler: mux})
	go srv.ListenAndServe()
}

func configure(srv *http.Server) *http.Server {
	srv.ReadTimeout = 30 * time.Second
	return srv
}

// Handed to functions that do not bound the read of the headers: reported.
func handedToOthers(mux *http.ServeMux) {
	stream := &http.Server{Addr: ":8083", Handler: mux} // want `http.Server has neither ReadHeaderTimeout nor ReadTimeout`
	hardening.StreamOnly(stream)
	go stream.ListenAndServe()

	zero := &http.Server{Addr: ":8084", Handler: mux} // want `http.Server has neither ReadHeaderTimeout nor ReadTimeout`
	hardening.Unset(zero)
	go zero.ListenAndServe()

	logged := &http.Server{Addr: ":8085", Handler: mux} // want `http.Server has neither ReadHeaderTimeout nor ReadTimeout`
	describe(logged)
	go logged.ListenAndServe()

	go register(&http.Server{Addr: ":8086", Handler: mux}) // want `http.Server has neither ReadHeaderTimeout nor ReadTimeout`
}

// Option configures a server a caller asks for.
type Option func(srv *http.Server)

// quietCallerOptions: the server is handed to the options its caller
// supplies, which configure it.
func quietCallerOptions(mux *http.ServeMux, opts ...Option) error {
	srv := &http.Server{Addr: ":8087", Handler: mux}
	for _, opt := range opts {
		opt(srv)
	}
	return srv.ListenAndServe()
}

// Options of the function's own making, or a serving hook that returns an
// error, do not come from the caller to configure it: reported.
func ownOptions(mux *http.ServeMux, run func(*http.Server) error) error {
	tune := func(s *http.Server) { s.WriteTimeout = time.Minute }
	srv := &http.Server{Addr: ":8088", Handler: mux} // want `http.Server has neither ReadHeaderTimeout nor ReadTimeout`
	tune(srv)
	served := &http.Server{Addr: ":8089", Handler: mux} // want `http.Server has neither ReadHeaderTimeout nor ReadTimeout`
	go run(served)
	return srv.ListenAndServe()
}

func describe(srv *http.Server) string { return srv.Addr }

func register(srv *http.Server) { _ = srv.ListenAndServe() }

func main() {
	mux := http.NewServeMux()
	quietReadTimeoutSetByCallee(mux)
	handedToOthers(mux)
	_ = quietCallerOptions(mux, func(srv *http.Server) { srv.ReadHeaderTimeout = time.Second })
	_ = ownOptions(mux, (*http.Server).ListenAndServe)
}
