// Package registers serves its own handlers on the DefaultServeMux: an
// optional listener of it is an application server.
package registers

import (
	"net/http"
	"os"
)

func serveAPI() {
	http.HandleFunc("/api", func(w http.ResponseWriter, r *http.Request) {})
	if addr := os.Getenv("API_ADDR"); addr != "" {
		go http.ListenAndServe(addr, nil) // want `\[server-timeout\] http.ListenAndServe serves`
	}
}
