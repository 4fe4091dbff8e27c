// Package main serves metrics on the DefaultServeMux from a function it
// only ever starts with a go statement; the metrics handler is wrapped by a
// middleware of the package that refreshes gauges and hands every request
// to it.
package main

import (
	"context"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

var refreshes int

// refreshing updates the process's gauges before each scrape and serves
// nothing itself.
func refreshing(next http.Handler, note string) http.HandlerFunc {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		refreshes++
		if note == "" {
			next.ServeHTTP(w, r)
			return
		}
		log.Println(note)
		next.ServeHTTP(w, r)
	})
}

func main() {
	go quietDefaultMuxMonitoringListener(os.Getenv("METRICS_ADDR"))
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	serveInline(os.Getenv("ADDR"))
}

// Safe: the goroutine's DefaultServeMux holds only the wrapped metrics
// handler.
func quietDefaultMuxMonitoringListener(addr string) {
	http.Handle("/stats", refreshing(promhttp.Handler(), ""))
	if err := http.ListenAndServe(addr, nil); err != nil {
		log.Println(err)
	}
}

// The same listener called directly, as the process's main listener, is
// reported.
func serveInline(addr string) {
	log.Fatal(http.ListenAndServe(addr, nil)) // want `\[no-graceful-shutdown\] http.ListenAndServe serves HTTP with no http.Server to shut down`
}
