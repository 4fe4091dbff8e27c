package servertimeout

import (
	"flag"
	"net/http"
)

// pprofAddr is the only value its server ever gets: no other package can
// name it, and this one never assigns it.
var pprofAddr = "127.0.0.1:6060"

func pprofServer(mux *http.ServeMux) *http.Server {
	return &http.Server{Addr: pprofAddr, Handler: mux}
}

// Twins: a loopback default a flag can override, and an exported variable
// any importer can set.

var adminAddr = "127.0.0.1:9000"

func init() { flag.StringVar(&adminAddr, "admin-addr", adminAddr, "admin listen address") }

func adminServer(mux *http.ServeMux) *http.Server {
	return &http.Server{Addr: adminAddr, Handler: mux} // want `\[server-timeout\] http.Server has neither`
}

var ProfileAddr = "127.0.0.1:7070"

func profileServer(mux *http.ServeMux) *http.Server {
	return &http.Server{Addr: ProfileAddr, Handler: mux} // want `\[server-timeout\] http.Server has neither`
}
