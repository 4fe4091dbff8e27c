// Package loopbackserve hands a server with a loopback Addr to a function
// of the package, but the package also serves servers with Serve on a
// listener of any address, which ignores Addr: reported.
package loopbackserve

import (
	"fmt"
	"io"
	"net"
	"net/http"
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

func start(srv *http.Server, ln net.Listener) { go srv.Serve(ln) }
