// Package main serves its API and, in a go statement beside it, a debug
// listener built by another package.
package main

import (
	"context"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"no-graceful-shutdown/sidedebug/apppages"
	"no-graceful-shutdown/sidedebug/debugpages"
)

func main() { quietSideMonitoringConstructor() }

func quietSideMonitoringConstructor() {
	// Safe twin: the debug handler comes from an argument-less constructor
	// of a package that imports a metrics package; nothing to drain.
	if debug, err := debugpages.Handler(); err == nil {
		go http.ListenAndServe(os.Getenv("DEBUG"), debug)
	}
	// The main server beside it drains on SIGTERM.
	srv := &http.Server{Addr: ":8080", Handler: apppages.Handler(), ReadHeaderTimeout: 5 * time.Second}
	go func() {
		ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
		defer stop()
		<-ctx.Done()
		_ = srv.Shutdown(context.Background())
	}()
	if err := srv.ListenAndServe(); err != http.ErrServerClosed {
		log.Fatal(err)
	}
}

// The same debug listener beside a main server that never drains: the
// main server is reported, the debug listener is not.
func besideUngraceful() {
	if debug, err := debugpages.Handler(); err == nil {
		go http.ListenAndServe(os.Getenv("DEBUG2"), debug)
	}
	log.Fatal(http.ListenAndServe(":8083", apppages.Handler())) // want `\[no-graceful-shutdown\] http.ListenAndServe serves HTTP with no http.Server to shut down`
}

// An application handler from a package with no monitoring import is
// served like the main server.
func appBeside() {
	go http.ListenAndServe(os.Getenv("APP"), apppages.Handler()) // want `\[no-graceful-shutdown\] http.ListenAndServe serves HTTP`
	log.Fatal(http.ListenAndServe(":8081", nil))                 // want `\[no-graceful-shutdown\] http.ListenAndServe serves HTTP`
}

// A constructor given the application's handler serves it too.
func wrapped() {
	go func() {
		log.Fatal(http.ListenAndServe(os.Getenv("WRAP"), debugpages.Wrap(apppages.Handler()))) // want `\[no-graceful-shutdown\] http.ListenAndServe serves HTTP`
	}()
	log.Fatal(http.ListenAndServe(":8082", nil)) // want `\[no-graceful-shutdown\] http.ListenAndServe serves HTTP`
}

// With no main server beside it, the listener is the program's server.
func alone() {
	debug, err := debugpages.Handler()
	if err != nil {
		return
	}
	go http.ListenAndServe(os.Getenv("ALONE"), debug) // want `\[no-graceful-shutdown\] http.ListenAndServe serves HTTP`
}

func init() {
	_, _, _, _ = appBeside, wrapped, alone, besideUngraceful
}
