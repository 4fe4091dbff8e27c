// Package requestbodymiddleware limits every body in a middleware that
// wraps the mux: its handlers are quiet.
package requestbodymiddleware

import (
	"io"
	"net/http"
)

func limitBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
		next.ServeHTTP(w, r)
	})
}

func quietLimitingMiddleware(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body)
	w.Write(data)
}

func Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/upload", quietLimitingMiddleware)
	return limitBody(mux)
}
