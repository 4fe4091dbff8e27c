// Package main serves profiling pages and a liveness probe on the
// DefaultServeMux from a go statement, beside its real work.
package main

import (
	"context"
	"log"
	"net/http"
	_ "net/http/pprof"
	"os"
	"os/signal"
	"syscall"
)

type controller struct{ healthy bool }

// healthz reads only the request's context: the probe answers from the
// process's own state.
func (c *controller) healthz(w http.ResponseWriter, r *http.Request) {
	_ = r.Context()
	if !c.healthy {
		w.WriteHeader(http.StatusServiceUnavailable)
	}
}

func main() {
	c := &controller{healthy: true}
	http.Handle("/healthz", http.HandlerFunc(c.healthz))
	http.HandleFunc("/version", func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("v1")) })
	quietDefaultMuxMonitoringListener()
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
}

// The same mux served as the process's main listener, not from a go
// statement, is reported.
func mainListener() {
	log.Fatal(http.ListenAndServe(":8080", nil)) // want `\[no-graceful-shutdown\] http.ListenAndServe serves HTTP with no http.Server to shut down`
}

// Safe: the DefaultServeMux holds only the pprof pages and probes; nothing
// in flight to drain.
func quietDefaultMuxMonitoringListener() {
	go func() {
		log.Println(http.ListenAndServe(os.Getenv("DEBUG_ADDR"), nil))
	}()
	go http.ListenAndServe(":6060", nil)
}
