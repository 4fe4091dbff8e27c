package servertimeout

import (
	"log"
	"net"
	"net/http"
	"strconv"
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

const debugAddr = "localhost:6060"

// Safe twin: an address rebuilt from the host of a constant loopback
// address stays on loopback whatever port it picks.
func listenDebugNextPort() {
	for i := 0; i < 10; i++ {
		host, portStr, _ := net.SplitHostPort(debugAddr)
		port, _ := strconv.Atoi(portStr)
		addr := net.JoinHostPort(host, strconv.Itoa(port+i))
		if err := http.ListenAndServe(addr, nil); err != nil {
			continue
		}
	}
}

// Reported twin: the host comes from configuration, so it may be any
// interface.
func listenConfiguredNextPort(configured string) {
	host, portStr, _ := net.SplitHostPort(configured)
	addr := net.JoinHostPort(host, portStr)
	log.Fatal(http.ListenAndServe(addr, nil)) // want `\[server-timeout\] http.ListenAndServe serves`
}

// Reported twin: a loopback default that code can change later is not a
// loopback address.
func listenReassignedAddr(public bool) {
	addr := "localhost:6060"
	if public {
		addr = ":6060"
	}
	log.Fatal(http.ListenAndServe(addr, nil)) // want `\[server-timeout\] http.ListenAndServe serves`
}

// Safe twin: a function value is not a call.
var serve = http.ListenAndServe

const debugListenAddr = "localhost:6062"

// Safe twin: every call of the helper passes a constant loopback address,
// and no other package can call it.
func listenDebugThroughHelper() {
	go serveDebugOn(debugListenAddr)
}

func serveDebugOn(addr string) {
	log.Fatal(http.ListenAndServe(addr, nil))
}

// Reported twin: one of the helper's callers passes an address from
// configuration.
func listenMetricsThroughHelper(configured string) {
	go serveMetricsOn("localhost:9090")
	go serveMetricsOn(configured)
}

func serveMetricsOn(addr string) {
	log.Fatal(http.ListenAndServe(addr, nil)) // want `\[server-timeout\] http.ListenAndServe serves`
}
