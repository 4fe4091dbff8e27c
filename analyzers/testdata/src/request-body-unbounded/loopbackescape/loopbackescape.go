// Package loopbackescape hands a server with a loopback Addr to a function
// of the package that hands it on to another package, which may serve it
// on any listener: reported.
package loopbackescape

import (
	"fmt"
	"io"
	"net"
	"net/http"

	"request-body-unbounded/loopbackescape/runner"
)

func handed(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body) // want `\[request-body-unbounded\] io.ReadAll\(r.Body\) reads the whole request body`
	w.Write(b)
}

func run(port int, ln net.Listener) {
	mux := http.NewServeMux()
	mux.HandleFunc("/handed", handed)
	srv := &http.Server{Handler: mux, Addr: fmt.Sprintf("localhost:%d", port)}
	start(srv, ln)
}

func start(srv *http.Server, ln net.Listener) { go runner.Run(srv, ln) }
