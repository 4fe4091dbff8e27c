// Package servertimeoutnolint: servers whose missing timeouts the author
// already accepted for gosec (G112, G114) are not reported again.
package servertimeoutnolint

import (
	"net/http"
	"time"
)

func debugServer() {
	go http.ListenAndServe(":6060", nil) // #nosec G114 -- debug endpoint, firewalled
}

func lintedServer(h http.Handler) error {
	//nolint:gosec // the load balancer in front bounds header reads
	srv := &http.Server{Addr: ":8080", Handler: h, WriteTimeout: 10 * time.Second}
	return srv.ListenAndServe()
}

// Twins: a #nosec for another gosec check, or a //nolint for another
// linter, does not silence server-timeout.
func otherCheck() {
	go http.ListenAndServe(":6060", nil) // #nosec G108 -- profiling // want `\[server-timeout\]`
}

func otherLinter(h http.Handler) error {
	//nolint:errcheck
	srv := &http.Server{Addr: ":8080", Handler: h} // want `\[server-timeout\]`
	return srv.ListenAndServe()
}
