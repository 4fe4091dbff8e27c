package servertimeout

import (
	"net/http"
	"time"
)

// Safe twin: a package-level server configured in init.
var public = &http.Server{Addr: ":8080"}

func init() {
	public.ReadHeaderTimeout = 10 * time.Second
}

type serverConfig struct {
	Addr        string
	ReadHeader  time.Duration
	Write, Idle time.Duration
}

// Safe twin: timeouts from configuration, over TLS through the method.
func fromConfig(cfg serverConfig, mux *http.ServeMux) error {
	srv := &http.Server{
		Addr:              cfg.Addr,
		Handler:           mux,
		ReadHeaderTimeout: cfg.ReadHeader,
		WriteTimeout:      cfg.Write,
		IdleTimeout:       cfg.Idle,
	}
	return srv.ListenAndServeTLS("cert.pem", "key.pem")
}

// Safe twin: the timeout is set through a pointer to the value.
func throughPointer(mux *http.ServeMux) *http.Server {
	var srv http.Server
	srv = http.Server{Addr: ":8080", Handler: mux}
	p := &srv
	(*p).ReadTimeout = time.Minute
	srv.ReadTimeout = time.Minute
	return p
}
