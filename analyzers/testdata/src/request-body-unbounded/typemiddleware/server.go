// Package typemiddleware wraps its router in a handler type of its own
// whose ServeHTTP limits the body before it delegates (quiet); a handler
// type that delegates without a limit quiets nothing (package
// fact/typeunwrapped).
package typemiddleware

import (
	"encoding/json"
	"net/http"
)

type bodyLimit struct {
	next http.Handler
	max  int64
}

func (b *bodyLimit) ServeHTTP(w http.ResponseWriter, r *http.Request) { // want ServeHTTP:"limits the request body"
	r.Body = http.MaxBytesReader(w, r.Body, b.max)
	b.next.ServeHTTP(w, r)
}

func create(w http.ResponseWriter, r *http.Request) {
	var v map[string]any
	json.NewDecoder(r.Body).Decode(&v)
}

func serve() error {
	mux := http.NewServeMux()
	mux.HandleFunc("/create", create)
	srv := &http.Server{Addr: ":8080", Handler: &bodyLimit{next: mux, max: 1 << 20}}
	return srv.ListenAndServe()
}
