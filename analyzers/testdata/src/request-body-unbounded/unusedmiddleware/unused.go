// Package requestbodyunusedmiddleware declares a limiting middleware but
// never applies it, and registers a handler that limits only its own
// body: the other handlers are still reported.
package requestbodyunusedmiddleware

import (
	"io"
	"net/http"
)

// maxBody is a middleware factory that nothing uses.
func maxBody(n int64) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			r.Body = http.MaxBytesReader(w, r.Body, n)
			next.ServeHTTP(w, r)
		})
	}
}

// Routes registers one self-limiting handler, which does not make Routes
// a middleware.
func Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/small", func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, 1<<10)
		io.ReadAll(r.Body)
	})
	mux.HandleFunc("/upload", func(w http.ResponseWriter, r *http.Request) {
		io.ReadAll(r.Body) // want `\[request-body-unbounded\] io.ReadAll\(r.Body\)`
	})
	return mux
}
