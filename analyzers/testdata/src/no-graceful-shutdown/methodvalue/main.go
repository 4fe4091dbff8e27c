// Package main passes Shutdown as a method value to its own lifecycle
// helper: quiet.
package main

import (
	"context"
	"net/http"
	"time"
)

func main() {
	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: 10 * time.Second}
	onStop(srv.Shutdown)
	srv.ListenAndServe()
}

func onStop(f func(context.Context) error) {}
