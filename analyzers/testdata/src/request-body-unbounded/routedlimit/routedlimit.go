// Package routedlimit registers handlers on routers that reach clients
// only through a closure that limits the body before it delegates (quiet),
// and on routers that do not (reported).
package routedlimit

import (
	"io"
	"net/http"
)

type api struct{}

// quietRoutedBehindLimit is registered only on the router behind the limiting closure.
func (a *api) quietRoutedBehindLimit(w http.ResponseWriter, r *http.Request) {
	b, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusRequestEntityTooLarge)
		return
	}
	w.Write(b)
}

// hook is registered on a router served as it is.
func (a *api) hook(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body) // want `\[request-body-unbounded\] io.ReadAll\(r.Body\) reads the whole request body into memory with no size limit`
	w.Write(b)
}

// both is registered behind the limit and on the open router too.
func (a *api) both(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body) // want `\[request-body-unbounded\] io.ReadAll\(r.Body\) reads the whole request body into memory with no size limit`
	w.Write(b)
}

// leaked is registered on a router that is also served directly.
func (a *api) leaked(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body) // want `\[request-body-unbounded\] io.ReadAll\(r.Body\) reads the whole request body into memory with no size limit`
	w.Write(b)
}

// late is registered on a router whose closure limits the body only after
// delegating.
func (a *api) late(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body) // want `\[request-body-unbounded\] io.ReadAll\(r.Body\) reads the whole request body into memory with no size limit`
	w.Write(b)
}

func decompress(h http.Handler) http.Handler { return h }

func serve(a *api) {
	inner := http.NewServeMux()
	inner.HandleFunc("/rpc", a.quietRoutedBehindLimit)
	inner.Handle("/both", http.HandlerFunc(a.both))
	wrapped := decompress(inner)
	limited := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
		wrapped.ServeHTTP(w, r)
	})

	open := http.NewServeMux()
	open.HandleFunc("/hook", a.hook)
	open.HandleFunc("/both2", a.both)
	open.Handle("/", limited)
	go http.ListenAndServe(":8080", open)

	leaky := http.NewServeMux()
	leaky.HandleFunc("/leaked", a.leaked)
	go http.ListenAndServe(":8081", leaky)
	leakyLimited := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
		leaky.ServeHTTP(w, r)
	})

	after := http.NewServeMux()
	after.HandleFunc("/late", a.late)
	lateLimited := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		after.ServeHTTP(w, r)
		r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	})
	go http.ListenAndServe(":8082", leakyLimited)
	go http.ListenAndServe(":8083", lateLimited)
}
