// Package typeunwrapped wraps its routes in a handler type of another
// package that limits nothing: reported.
package typeunwrapped

import (
	"io"
	"net/http"

	"request-body-unbounded/fact/mwtype"
)

func upload(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body) // want `\[request-body-unbounded\] io.ReadAll\(r.Body\) reads the whole request body`
	w.Write(data)
}

// Handler returns the routes behind a tracing middleware only.
func Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/upload", upload)
	return mwtype.Trace(mux)
}
