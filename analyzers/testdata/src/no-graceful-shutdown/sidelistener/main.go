// Package main serves its API and, beside it, monitoring listeners.
package main

import (
	"encoding/json"
	"log"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

func main() {
	quietMonitoringListener()
	api := http.NewServeMux()
	api.HandleFunc("/upload", upload)
	log.Fatal(http.ListenAndServe(":8080", api)) // want `\[no-graceful-shutdown\] http.ListenAndServe serves HTTP with no http.Server to shut down`
}

func upload(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte(r.URL.Path)) }

// Safe twin: metrics, profiles and a status page computed without the
// request are retried by their next poll; nothing in flight to drain.
func quietMonitoringListener() {
	if addr := os.Getenv("METRICS"); addr != "" {
		mux := http.NewServeMux()
		mux.Handle("/metrics", promhttp.Handler())
		mux.HandleFunc("/debug/pprof/", pprof.Index)
		mux.HandleFunc("/status", status)
		go func() { log.Fatal(http.ListenAndServe(addr, mux)) }()
	}
	go http.ListenAndServe(os.Getenv("PROM"), promhttp.Handler())
	statusSrv := http.Server{Addr: os.Getenv("STATUS"), Handler: http.HandlerFunc(status), ReadTimeout: time.Second}
	go statusSrv.ListenAndServe()
	if ln, err := net.Listen("tcp", os.Getenv("STATUS2")); err == nil {
		go http.Serve(ln, http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("ok")) }))
	}
}

func status(w http.ResponseWriter, _ *http.Request) {
	_ = json.NewEncoder(w).Encode(map[string]string{"state": "up"})
}

// A metrics mux that also serves a handler reading the request is a
// server like any other.
func mixedMux() {
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.Handler())
	mux.HandleFunc("/upload", upload)
	go http.ListenAndServe(os.Getenv("MIXED"), mux) // want `\[no-graceful-shutdown\] http.ListenAndServe serves HTTP`
}

// A mux handed to a function may get any handler registered.
func handedMux(register func(*http.ServeMux)) {
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.Handler())
	register(mux)
	go http.ListenAndServe(os.Getenv("HANDED"), mux) // want `\[no-graceful-shutdown\] http.ListenAndServe serves HTTP`
}

// The DefaultServeMux serves whatever the program registered on it.
func defaultMux() {
	go http.ListenAndServe(os.Getenv("DEFAULT"), nil) // want `\[no-graceful-shutdown\] http.ListenAndServe serves HTTP`
}

// A server whose handler function reads its request serves real work.
func requestHandler() {
	srv := &http.Server{Addr: os.Getenv("ECHO"), Handler: http.HandlerFunc(upload), ReadTimeout: time.Second}
	go srv.ListenAndServe() // want `\[no-graceful-shutdown\] http.Server.ListenAndServe in package main`
}
