// Package main: a listener on a constant loopback address is quiet for
// server-timeout and no-graceful-shutdown (remote clients cannot reach it);
// one whose address is only the default of a flag is reported, because the
// operator overrides the default to expose it (0.0.0.0 for a health check
// or a metrics scrape) and the server is then reachable like any other.
package main

import (
	"flag"
	"net/http"
)

func main() {
	addr := flag.String("http-address", "127.0.0.1:9090", "address of the metrics server")
	flag.Parse()
	go http.ListenAndServe("127.0.0.1:6060", nil)
	srv := &http.Server{Addr: *addr, Handler: http.NotFoundHandler()} // want `\[server-timeout\] http.Server has neither`
	srv.ListenAndServe()
}
