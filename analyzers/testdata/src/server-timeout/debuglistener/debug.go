// Package debuglistener starts a profiling listener when an operator
// configures its address.
package debuglistener

import (
	"log"
	"net/http"
	_ "net/http/pprof"
	"os"
)

// Options configure the program.
type Options struct{ ProfilerAddr string }

// Safe twin: the DefaultServeMux (pprof's handlers, nothing of this
// package) is served only when the address is configured.
func quietOptInDebugListener(opts Options) {
	if hostPort := os.Getenv("PPROFLISTEN"); hostPort != "" {
		go func() { log.Println(http.ListenAndServe(hostPort, nil)) }()
	}
	if len(opts.ProfilerAddr) > 0 {
		go http.ListenAndServe(opts.ProfilerAddr, nil)
	}
}

// Always started: reported.
func alwaysOn() {
	go http.ListenAndServe(os.Getenv("PPROFLISTEN"), nil) // want `\[server-timeout\] http.ListenAndServe serves with an http.Server that has no timeouts`
}

// Guarded by another value than the address it listens on: reported.
func otherGuard(debug bool, addr string) {
	if debug {
		go http.ListenAndServe(addr, nil) // want `\[server-timeout\] http.ListenAndServe serves`
	}
	if name := os.Getenv("NAME"); name != "" {
		go http.ListenAndServe(addr, nil) // want `\[server-timeout\] http.ListenAndServe serves`
	}
}
