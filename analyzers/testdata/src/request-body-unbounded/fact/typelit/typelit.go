// Package typelit wraps its routes in a limiting handler type of another
// package of the module, built as a literal: quiet.
package typelit

import (
	"io"
	"net/http"

	"request-body-unbounded/fact/mwtype"
)

func upload(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body)
	w.Write(data)
}

// Serve serves the routes behind the body limit.
func Serve(addr string) error {
	mux := http.NewServeMux()
	mux.HandleFunc("/upload", upload)
	return http.ListenAndServe(addr, &mwtype.Limiter{Next: mux, Max: 1 << 20})
}
