// Package main is a test tool under a testonly directory: with tests =
// false, prodlint does not report test-support packages, which test
// binaries and integration scripts run, never production.
//
// From trillian testonly/mdm/mdmtest/main.go:67 (the merge delay test's
// metrics server, run by integration/log_md_test.sh).
package main

import (
	"flag"
	"log"
	"net/http"
	"time"
)

var metricsEndpoint = flag.String("metrics_endpoint", "", "Endpoint for serving metrics")

func main() {
	flag.Parse()
	if *metricsEndpoint != "" {
		server := http.Server{Addr: *metricsEndpoint, ReadHeaderTimeout: time.Second}
		go func() {
			err := server.ListenAndServe()
			log.Printf("Metrics server exited: %v", err)
		}()
	}
	select {}
}
