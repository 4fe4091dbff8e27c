// Package main is a daemon with a control API on a unix domain socket
// beside its public API.
package main

import (
	"log"
	"net"
	"net/http"
	"os"
)

func main() {
	go quietUnixSocketListener(os.Getenv("CONTROL_SOCKET"))
	go servePlugins(os.Getenv("PLUGIN_NETWORK"), os.Getenv("PLUGIN_ADDR"))
	api := &http.Server{Handler: http.HandlerFunc(status)}
	ln, err := net.Listen("tcp", ":8080")
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(api.Serve(ln)) // want `\[no-graceful-shutdown\] http.Server.Serve in package main, which never calls Shutdown`
}

func status(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte(r.URL.Path)) }

// quietUnixSocketListener serves the local control API: only processes of
// this host can connect.
func quietUnixSocketListener(path string) {
	_ = os.Remove(path)
	ln, err := net.Listen("unix", path)
	if err != nil {
		log.Fatal(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(status)}
	log.Print(srv.Serve(ln))
}

// Twin: the network is configured, and may be tcp.
func servePlugins(network, addr string) {
	ln, err := net.Listen(network, addr)
	if err != nil {
		log.Fatal(err)
	}
	log.Print(http.Serve(ln, http.HandlerFunc(status))) // want `\[no-graceful-shutdown\] http.Serve serves HTTP with no http.Server to shut down`
}
