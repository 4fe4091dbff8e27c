// Package requestbodyaliasmiddleware limits every body in an auth
// middleware method that keeps the original body in a local variable and
// limits that variable; the router is mounted through a variadic helper
// with a middleware slice built with append: its handlers are quiet.
package requestbodyaliasmiddleware

import (
	"io"
	"net/http"
)

type Middleware func(http.Handler) http.Handler

func Apply(h http.Handler, mws ...Middleware) http.Handler {
	for i := len(mws) - 1; i >= 0; i-- {
		h = mws[i](h)
	}
	return h
}

type API struct {
	Router *http.ServeMux
	secret string
}

func (a *API) Auth(next http.Handler) http.Handler { // want Auth:`limits the request body \(middleware\)`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != a.secret {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		orig := r.Body
		r.GetBody = func() (io.ReadCloser, error) { return orig, nil }
		r.Body = http.MaxBytesReader(w, orig, 64*1024)
		next.ServeHTTP(w, r)
	})
}

func (a *API) quietAliasLimit(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body)
	w.Write(data)
}

func (a *API) Mount(root *http.ServeMux, logging Middleware) {
	a.Router.HandleFunc("/login", a.quietAliasLimit)
	mws := []Middleware{logging}
	mws = append(mws, a.Auth)
	root.Handle("/api/", Apply(a.Router, mws...))
}
