// Package dispatch: handler-shaped helpers that the package only calls
// directly are judged at their calls, where the caller's limit is seen.
package dispatch

import (
	"io"
	"net/http"
)

type limited struct{}

// Safe twin: the limit is applied by the only caller before the helper
// reads the body.
func (h limited) ServeHTTP(w http.ResponseWriter, r *http.Request) { // want ServeHTTP:"limits the request body"
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	h.quietCalledHelper(w, r)
}

// The helper's read is judged at its only call, which limits the body.
func (limited) quietCalledHelper(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	w.Write(body)
}

type unlimited struct{}

// The same dispatch without a limit is reported at the call of the helper.
func (h unlimited) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.serveStateless(w, r) // want `\[request-body-unbounded\] unlimited.serveStateless reads r.Body whole with no size limit`
}

func (unlimited) serveStateless(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	w.Write(body)
}

// A helper that is also registered as a handler is judged as one.
func registered(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body) // want `\[request-body-unbounded\] io.ReadAll\(r.Body\)`
	w.Write(body)
}

func Routes(mux *http.ServeMux) {
	mux.HandleFunc("/r", registered)
}
