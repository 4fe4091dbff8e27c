// Package main serves HTTP and never shuts a server down.
package main

import (
	"fmt"
	"log"
	"net"
	"net/http"
	"strconv"
	"time"
)

func main() {
	mux := http.NewServeMux()
	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		log.Fatal(srv.ListenAndServeTLS("cert.pem", "key.pem")) // want `\[no-graceful-shutdown\] http.Server.ListenAndServeTLS in package main, which never calls Shutdown: every deploy or restart cuts the requests in flight mid-response; on SIGTERM \(signal.NotifyContext\) call Shutdown with a deadline so they drain`
	}()
	log.Fatal(srv.ListenAndServe()) // want `\[no-graceful-shutdown\] http.Server.ListenAndServe in package main`
}

func serveListener(l net.Listener, h http.Handler) error {
	return http.Serve(l, h) // want `\[no-graceful-shutdown\] http.Serve serves HTTP with no http.Server to shut down: every deploy or restart cuts the requests in flight mid-response; serve with an http.Server and call its Shutdown on SIGTERM \(signal.NotifyContext\) so they drain`
}

func serveDefault() error {
	return http.ListenAndServe(":8080", nil) // want `\[no-graceful-shutdown\] http.ListenAndServe serves HTTP with no http.Server to shut down`
}

type server struct{ *http.Server }

// An embedded server's promoted method is the server's.
func (s server) run() error {
	return s.ListenAndServe() // want `\[no-graceful-shutdown\] http.Server.ListenAndServe in package main`
}

// Safe twin: a debug endpoint on loopback needs no draining.
func quietLoopbackAddress() {
	go http.ListenAndServe("localhost:6060", nil)
	admin := &http.Server{Addr: "127.0.0.1:9090", ReadHeaderTimeout: time.Second}
	go admin.ListenAndServe()
	debug := "localhost:6061"
	host, _, _ := net.SplitHostPort(debug)
	for port := 7000; port < 7010; port++ {
		go http.ListenAndServe(net.JoinHostPort(host, strconv.Itoa(port)), nil)
	}
	go http.ListenAndServe(fmt.Sprintf("127.0.0.1:%d", 7070), nil)
}

// Twin: the host comes from a variable that is assigned again, so the
// address may be any.
func builtAddressTwin(addr string) {
	hostPort := "localhost:6062"
	if addr != "" {
		hostPort = addr
	}
	host, _, _ := net.SplitHostPort(hostPort)
	go http.ListenAndServe(net.JoinHostPort(host, "7001"), nil) // want `\[no-graceful-shutdown\] http.ListenAndServe serves HTTP with no http.Server to shut down`
}

// Safe twin: Close is not graceful, but it is not a serving call either.
func stop(s *http.Server) error { return s.Close() }
