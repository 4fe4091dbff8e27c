package servertimeout

import (
	"net/http"
	"time"
)

type app struct {
	srv   *http.Server
	admin *http.Server
}

// Safe twin: the field is given its timeout in a method.
func newApp(mux *http.ServeMux) *app {
	return &app{
		srv:   &http.Server{Addr: ":8080", Handler: mux},
		admin: &http.Server{Addr: ":9090", Handler: mux}, // want `\[server-timeout\] http.Server has neither`
	}
}

func (a *app) configure() {
	a.srv.ReadHeaderTimeout = 10 * time.Second
}

// Safe twin: a helper of the package sets the timeout on its parameter.
func withHelper(mux *http.ServeMux) *http.Server {
	srv := &http.Server{Addr: ":8080", Handler: mux}
	applyTimeouts(srv)
	return srv
}

func applyTimeouts(s *http.Server) {
	s.ReadHeaderTimeout = 10 * time.Second
	s.IdleTimeout = time.Minute
}

// A helper that sets something else does not count.
func withOtherHelper(mux *http.ServeMux) *http.Server {
	srv := &http.Server{Addr: ":8080", Handler: mux} // want `\[server-timeout\] http.Server has neither`
	setHandler(srv, mux)
	return srv
}

func setHandler(s *http.Server, h http.Handler) {
	s.Handler = h
}

// Safe twin: a constructor's result is given its timeout by the caller.
func newServer(mux *http.ServeMux) *http.Server {
	return &http.Server{Addr: ":8080", Handler: mux}
}

func configured(mux *http.ServeMux) *http.Server {
	srv := newServer(mux)
	srv.ReadHeaderTimeout = 5 * time.Second
	return srv
}

// A constructor whose callers never set a timeout is reported.
func newBareServer(mux *http.ServeMux) (*http.Server, error) {
	return &http.Server{Addr: ":8080", Handler: mux}, nil // want `\[server-timeout\] http.Server has neither`
}

func bare(mux *http.ServeMux) *http.Server {
	srv, _ := newBareServer(mux)
	srv.Handler = mux
	return srv
}

// A parameter named time shadows the package: the fix imports it as timepkg.
func shadowed(time string, mux *http.ServeMux) *http.Server {
	_ = time
	return &http.Server{Addr: ":8080", Handler: mux} // want `\[server-timeout\] http.Server has neither`
}
