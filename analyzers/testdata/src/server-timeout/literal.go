package servertimeout

import (
	"net/http"
	"time"
)

const readHeaderTimeout = 5 * time.Second

func literalMultiLine(mux *http.ServeMux) *http.Server {
	srv := &http.Server{ // want `\[server-timeout\] http.Server has neither ReadHeaderTimeout nor ReadTimeout: a client that sends its headers slowly or not at all holds a connection and a goroutine forever, and enough of them starve the server; set ReadHeaderTimeout`
		Addr:    ":8080", // the public port
		Handler: mux,
	}
	return srv
}

func literalOneLine(mux *http.ServeMux) error {
	return (&http.Server{Addr: ":8080", Handler: mux}).ListenAndServe() // want `\[server-timeout\] http.Server has neither`
}

func literalEmpty() http.Server {
	return http.Server{} // want `\[server-timeout\] http.Server has neither`
}

func literalZero(mux *http.ServeMux) *http.Server {
	return &http.Server{Handler: mux, ReadTimeout: 0} // want `\[server-timeout\] http.Server has neither`
}

// Safe twin: ReadTimeout also bounds the headers.
func quietReadTimeoutSet(mux *http.ServeMux) *http.Server {
	return &http.Server{Handler: mux, ReadTimeout: 30 * time.Second}
}

// Safe twin: a configured value.
func literalConfigured(mux *http.ServeMux, d time.Duration) *http.Server {
	return &http.Server{Handler: mux, ReadHeaderTimeout: d}
}

// Safe twin: set later on the same variable.
func setLater(mux *http.ServeMux) *http.Server {
	srv := &http.Server{Addr: ":8080", Handler: mux}
	srv.ReadHeaderTimeout = 10 * time.Second
	return srv
}

// Safe twin: set later on a value declared with var.
func setLaterVar(mux *http.ServeMux) error {
	var srv = http.Server{Addr: ":8080", Handler: mux}
	srv.ReadTimeout = time.Minute
	return srv.ListenAndServe()
}

// Set to zero later is no timeout.
func setLaterZero(mux *http.ServeMux) *http.Server {
	srv := &http.Server{Addr: ":8080", Handler: mux} // want `\[server-timeout\] http.Server has neither`
	srv.ReadHeaderTimeout = 0
	return srv
}

// A different variable's timeout says nothing about this one.
func setOnAnother(mux *http.ServeMux) (*http.Server, *http.Server) {
	a := &http.Server{Addr: ":8080", Handler: mux} // want `\[server-timeout\] http.Server has neither`
	b := &http.Server{Addr: ":8081", Handler: mux}
	b.ReadHeaderTimeout = time.Second
	return a, b
}

// Safe twin: a loopback-only listener.
func quietLoopbackAddress(mux *http.ServeMux) *http.Server {
	return &http.Server{Addr: "localhost:6060", Handler: mux}
}
