// Package requestbodyfixhint: handlers wrapped in a middleware that the
// analysis cannot see into are still reported, but the fix is a hint: a
// limit the middleware applies must not be lowered by one inserted here.
package requestbodyfixhint

import (
	"io"
	"net/http"
)

// recovery limits nothing; a middleware of another module could limit
// bodies where the analysis cannot see it, and the fix must not assume
// either.
func recovery(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() { recover() }()
		next.ServeHTTP(w, r)
	})
}

func upload(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body) // want `\[request-body-unbounded\] io.ReadAll\(r.Body\) reads the whole request body.*\(no fix is offered: the package wraps handlers in a middleware`
	w.Write(data)
}

// Routes wraps the mux.
func Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/upload", upload)
	return recovery(mux)
}
