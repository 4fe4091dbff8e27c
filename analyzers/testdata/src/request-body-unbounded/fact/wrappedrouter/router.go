// Package wrappedrouter registers another package's handlers only through
// a wrapper of type func(http.HandlerFunc) http.HandlerFunc that limits
// the body before calling them: quiet.
package wrappedrouter

import (
	"net/http"

	"request-body-unbounded/fact/handlers"
)

func limited(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, 5<<20)
		next(w, r)
	}
}

func Routes(mux *http.ServeMux) {
	mux.HandleFunc("/upload", limited(handlers.Upload))
	mux.HandleFunc("/import", limited(handlers.Import))
}
