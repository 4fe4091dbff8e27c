// Package lifecycle stands for a third-party library (outside the standard
// library, with a dotted import path) that owns a server's lifecycle and
// shuts it down on SIGTERM, as gracehttp.Serve(servers ...*http.Server) does.
package lifecycle

import "net/http"

// Manage shuts srv down when the process is asked to stop.
func Manage(srv *http.Server) {}
