// Package helperuse calls a helper of another package that limits the body
// of the request it is given: quiet.
package helperuse

import (
	"io"
	"net/http"

	"request-body-unbounded/fact/mw"
)

func upload(w http.ResponseWriter, r *http.Request) {
	mw.LimitRequest(w, r)
	data, _ := io.ReadAll(r.Body)
	w.Write(data)
}

// Twin: a helper of the same package that limits nothing.
func echo(w http.ResponseWriter, r *http.Request) {
	mw.LogRequest(w, r)
	data, _ := io.ReadAll(r.Body) // want `\[request-body-unbounded\] io.ReadAll\(r.Body\) reads the whole request body`
	w.Write(data)
}
