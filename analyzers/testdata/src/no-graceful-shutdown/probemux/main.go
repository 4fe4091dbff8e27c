// Package main is an exporter: its only listener serves metrics from its
// own registry and a liveness probe.
package main

import (
	"flag"
	"log"
	"net/http"
	"os"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"

	"no-graceful-shutdown/probemux/liveness"
)

var metricsPath = flag.String("path", "/metrics", "where metrics are served")

func main() {
	flag.Parse()
	quietMonitoringListener()
	probeThenApplication()
	builderOfApplication(os.Getenv("MODE"))
}

func metricsHandler(gather promhttp.Gatherer) http.Handler {
	return promhttp.HandlerFor(gather, promhttp.HandlerOpts{})
}

func daemonsUp() error { return nil }

// Safe twin: metrics from a constructor of the package and a liveness
// probe on its conventional path; a cut scrape or probe is retried.
func quietMonitoringListener() {
	mux := http.NewServeMux()
	mux.Handle(*metricsPath, metricsHandler(nil))
	mux.Handle("/livez", liveness.Handler(daemonsUp))
	srv := &http.Server{Addr: os.Getenv("METRICS"), ReadTimeout: 3 * time.Second, Handler: mux}
	if err := srv.ListenAndServe(); err != nil {
		log.Fatal(err)
	}
}

// The same helper's handler on a path of the application serves work a
// client waits on.
func probeThenApplication() {
	mux := http.NewServeMux()
	mux.Handle("/livez", liveness.Handler(daemonsUp))
	mux.Handle("/jobs", liveness.Handler(daemonsUp))
	srv := &http.Server{Addr: os.Getenv("JOBS"), ReadTimeout: 3 * time.Second, Handler: mux}
	log.Fatal(srv.ListenAndServe()) // want `\[no-graceful-shutdown\] http.Server.ListenAndServe in package main`
}

// A constructor one of whose returns is an application handler may serve
// the application.
func handlerFor(mode string) http.Handler {
	if mode == "metrics" {
		return promhttp.HandlerFor(nil, promhttp.HandlerOpts{})
	}
	return liveness.Handler(daemonsUp)
}

func builderOfApplication(mode string) {
	srv := &http.Server{Addr: os.Getenv("BUILT"), ReadTimeout: 3 * time.Second, Handler: handlerFor(mode)}
	log.Fatal(srv.ListenAndServe()) // want `\[no-graceful-shutdown\] http.Server.ListenAndServe in package main`
}
