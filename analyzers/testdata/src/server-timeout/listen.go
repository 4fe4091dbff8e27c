package servertimeout

import (
	"log"
	"net/http"
)

func listenPlain(mux *http.ServeMux) {
	log.Fatal(http.ListenAndServe(":8080", mux)) // want `\[server-timeout\] http.ListenAndServe serves with an http.Server that has no timeouts: a client that sends its headers slowly or not at all holds a connection and a goroutine forever, and enough of them starve the server; use an http.Server with ReadHeaderTimeout set`
}

func listenDefaultMux() error {
	return http.ListenAndServe(":8080", nil) // want `\[server-timeout\] http.ListenAndServe serves`
}

func listenTLS(addr string, mux http.Handler) error {
	return http.ListenAndServeTLS(addr, "cert.pem", "key.pem", mux) // want `\[server-timeout\] http.ListenAndServeTLS serves`
}

func listenStatement(mux http.Handler) {
	http.ListenAndServe(":8080", mux) // want `\[server-timeout\] http.ListenAndServe serves`
}

// A handler spanning several lines is not rewritten mechanically.
func listenMultiLineHandler() {
	log.Fatal(http.ListenAndServe(":8080", http.HandlerFunc( // want `\[server-timeout\] http.ListenAndServe serves`
		func(w http.ResponseWriter, r *http.Request) {},
	)))
}

// Safe twin: the production-ready form.
func listenServer(mux *http.ServeMux) {
	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: readHeaderTimeout}
	log.Fatal(srv.ListenAndServe())
}

// Safe twin: a pprof listener on loopback is not reachable by slow remote
// clients.
func listenDebug() {
	go http.ListenAndServe("localhost:6060", nil)
	go http.ListenAndServe("127.0.0.1:6061", nil)
}

// Safe twin: a function value is not a call.
var serve = http.ListenAndServe
