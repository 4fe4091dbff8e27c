// Package main wraps its metrics handler in a function that answers an
// application route itself: the DefaultServeMux listener serves that
// route too.
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

// withOrders serves the orders page and hands every other request to the
// metrics handler.
func withOrders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/stats/orders" {
			w.WriteHeader(http.StatusCreated)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func main() {
	go serveStats(os.Getenv("STATS_ADDR"))
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
}

func serveStats(addr string) {
	http.Handle("/stats/", withOrders(promhttp.Handler()))
	log.Println(http.ListenAndServe(addr, nil)) // want `\[no-graceful-shutdown\] http.ListenAndServe serves HTTP with no http.Server to shut down`
}
