// Package useapi adds to its router, with Use, a middleware of another
// package of the module that limits the body through a helper: quiet.
package useapi

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
	data, _ := io.ReadAll(r.Body)
	w.Write(data)
}

// Routes registers the API behind the body limit.
func Routes() *router {
	rt := &router{mux: http.NewServeMux()}
	rt.Use(mw.LimitVia)
	rt.mux.HandleFunc("/upload", upload)
	return rt
}
