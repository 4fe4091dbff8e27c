package servertimeout

import (
	"context"
	"net/http"
)

// The literal is only shut down: the listener is http.ListenAndServe's
// own server, so the literal's timeouts would govern nothing. The
// ListenAndServe is reported, in listen.
func quietNeverServed(addr string) error {
	mux := http.NewServeMux()
	server := http.Server{Addr: addr, Handler: mux}
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		_ = server.Shutdown(context.Background())
	})
	return listen(addr, mux)
}

func listen(addr string, h http.Handler) error {
	return http.ListenAndServe(addr, h) // want `\[server-timeout\] http.ListenAndServe serves with an http.Server that has no timeouts`
}

// Twin: the same literal serves.
func neverServedTwin(addr string) error {
	mux := http.NewServeMux()
	server := http.Server{Addr: addr, Handler: mux} // want `\[server-timeout\] http.Server has neither`
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		_ = server.Shutdown(context.Background())
	})
	return server.ListenAndServe()
}
