// Package loopbackexport hands a server with a loopback Addr to a function
// of the package that stores it in an exported field, through which
// another package may serve it on any listener: reported.
package loopbackexport

import (
	"fmt"
	"io"
	"net/http"
)

func handed(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body) // want `\[request-body-unbounded\] io.ReadAll\(r.Body\) reads the whole request body`
	w.Write(b)
}

// Holder exposes its server.
type Holder struct {
	Server *http.Server
}

// New builds the holder.
func New(port int) *Holder {
	mux := http.NewServeMux()
	mux.HandleFunc("/handed", handed)
	srv := &http.Server{Handler: mux, Addr: fmt.Sprintf("localhost:%d", port)}
	return wrap(srv)
}

func wrap(srv *http.Server) *Holder { return &Holder{Server: srv} }
