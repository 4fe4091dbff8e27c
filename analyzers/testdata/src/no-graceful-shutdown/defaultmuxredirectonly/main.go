// Package main serves only a redirect on the DefaultServeMux, and no
// monitoring page: the redirect alone is no monitoring listener.
package main

import (
	"context"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	go func() {
		http.Handle("/", http.RedirectHandler("https://example.com/", http.StatusMovedPermanently))
		log.Println(http.ListenAndServe(os.Getenv("ADDR"), nil)) // want `\[no-graceful-shutdown\] http.ListenAndServe serves HTTP with no http.Server to shut down`
	}()
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
}
