// Package main is the twin of shutdown/testonly/mdm/mdmtest: the same
// program outside a test-support directory (mdmtest is not one of the
// names, only testonly, testutil, testutils, mock and mocks are) is
// reported.
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
			err := server.ListenAndServe() // want `\[no-graceful-shutdown\] http.Server.ListenAndServe in package main`
			log.Printf("Metrics server exited: %v", err)
		}()
	}
	select {}
}
