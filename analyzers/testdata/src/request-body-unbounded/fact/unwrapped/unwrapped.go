// Package unwrapped wraps its routes with a middleware of another package
// that limits nothing: reported.
package unwrapped

import (
	"io"
	"net/http"

	"request-body-unbounded/fact/mw"
)

func upload(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body) // want `\[request-body-unbounded\] io.ReadAll\(r.Body\) reads the whole request body`
	w.Write(data)
}

// Handler returns the routes behind a logging middleware only.
func Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/upload", upload)
	return mw.Logging(mux)
}
