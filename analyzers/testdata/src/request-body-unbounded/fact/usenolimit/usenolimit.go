// Package usenolimit adds to its router, with Use, a middleware of another
// package that only logs through a helper: reported.
package usenolimit

import (
	"io"
	"net/http"

	"request-body-unbounded/fact/mw"
)

type router struct {
	mux         *http.ServeMux
	middlewares []func(http.Handler) http.Handler
}

func (rt *router) Use(m func(http.Handler) http.Handler) { rt.middlewares = append(rt.middlewares, m) }

func upload(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body) // want `\[request-body-unbounded\] io.ReadAll\(r.Body\) reads the whole request body`
	w.Write(data)
}

// Routes registers the API behind a logging middleware only.
func Routes() *router {
	rt := &router{mux: http.NewServeMux()}
	rt.Use(mw.LogVia)
	rt.mux.HandleFunc("/upload", upload)
	return rt
}
