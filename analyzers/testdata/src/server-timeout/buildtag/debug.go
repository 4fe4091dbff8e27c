// Package buildtag has a debug listener that only a build-tagged file
// enables (debug_on.go, //go:build debugserver, sets enableDebug in its
// init): in the default build the variable stays false.
package buildtag

import (
	"net/http"
	"os"
)

var enableDebug = false

var verbose bool

// exposeDebug is exported through a setter: assigned, so not fixed.
var exposeDebug = false

// SetExposeDebug lets a caller turn the other listener on.
func SetExposeDebug(on bool) { exposeDebug = on }

// Safe: returns first unless the build enabled the debug server.
func initDebug(addr string) {
	if !enableDebug {
		return
	}
	go func() {
		_ = http.ListenAndServe(addr, nil)
	}()
}

// Safe: inside a branch the default build never takes.
func initVerbose(addr string) {
	if verbose {
		srv := &http.Server{Addr: addr}
		_ = srv.ListenAndServe()
	}
}

// Twin: a variable the package assigns is a runtime decision.
func initExposed(addr string) {
	if !exposeDebug {
		return
	}
	_ = http.ListenAndServe(addr, nil) // want `\[server-timeout\] http.ListenAndServe serves with an http.Server that has no timeouts`
}

// Twin: a condition read at run time.
func initFromEnv(addr string) {
	if os.Getenv("DEBUG") == "" {
		return
	}
	_ = http.ListenAndServe(addr, nil) // want `\[server-timeout\] http.ListenAndServe serves with an http.Server that has no timeouts`
}

// Twin: the guard does not return, so the server starts whatever it says.
func initAlways(addr string) {
	if !enableDebug {
		println("debug off")
	}
	_ = http.ListenAndServe(addr, nil) // want `\[server-timeout\] http.ListenAndServe serves with an http.Server that has no timeouts`
}
