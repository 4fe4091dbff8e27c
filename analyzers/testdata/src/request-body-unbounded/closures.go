package requestbody

import (
	"encoding/json"
	"io"
	"net/http"
)

type api struct{}

func (api) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body) // want `\[request-body-unbounded\] io.ReadAll\(r.Body\)`
	w.Write(body)
}

type limitedAPI struct{}

// Safe twin: a ServeHTTP method that limits its body.
func (limitedAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) { // want ServeHTTP:"limits the request body"
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	body, _ := io.ReadAll(r.Body)
	w.Write(body)
}

func routes(mux *http.ServeMux) {
	mux.HandleFunc("/orders", func(w http.ResponseWriter, r *http.Request) {
		var o order
		json.NewDecoder(r.Body).Decode(&o) // want `\[request-body-unbounded\] json.NewDecoder\(r.Body\).Decode`
	})
	// Safe twin: a limited closure says nothing about its neighbours, and
	// is quiet itself.
	mux.HandleFunc("/limited", func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
		var o order
		json.NewDecoder(r.Body).Decode(&o)
	})
}

// Safe twin: the handler passes its request to a helper that limits it.
func viaHelper(w http.ResponseWriter, r *http.Request) {
	limitBody(w, r)
	data, _ := io.ReadAll(r.Body)
	w.Write(data)
}

func limitBody(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
}

// Safe twin: a function with three parameters is not a handler; the
// analysis does not follow helpers.
func decodeInto(w http.ResponseWriter, r *http.Request, v any) error {
	return json.NewDecoder(r.Body).Decode(v)
}

// A nested handler is checked on its own; the outer one reads nothing.
func outer() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		inner := func(w http.ResponseWriter, r *http.Request) {
			io.ReadAll(r.Body) // want `\[request-body-unbounded\] io.ReadAll\(r.Body\)`
		}
		r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
		inner(w, r)
	}
}
