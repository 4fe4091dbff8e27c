// Package main hands its server to a lifecycle library, which shuts it
// down: quiet.
package main

import (
	"net/http"
	"time"

	"shutdown.example/lifecycle"
)

func main() {
	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: 10 * time.Second}
	go srv.ListenAndServe()
	lifecycle.Manage(srv)
}

// quietServerHandedToLibrary serves a server of its own; the package hands
// another to a lifecycle library, which the analysis counts for every one.
func quietServerHandedToLibrary(srv *http.Server) error {
	return srv.ListenAndServe()
}
