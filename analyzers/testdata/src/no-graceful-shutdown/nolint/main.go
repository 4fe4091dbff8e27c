// Package main: a package-level http.ListenAndServe the author already
// accepted for gosec (G114 flags exactly these serve functions, which
// have no http.Server to shut down) is not reported again.
package main

import "net/http"

func debug() {
	go http.ListenAndServe(":6060", nil) // #nosec G114 -- debug endpoint, firewalled
}

// Twin: a #nosec for another check does not cover it.
func metrics() error {
	return http.ListenAndServe(":9090", nil) // #nosec G102 -- binds all interfaces on purpose // want `\[no-graceful-shutdown\] http.ListenAndServe serves HTTP with no http.Server to shut down`
}

func main() {
	debug()
	_ = metrics()
}
