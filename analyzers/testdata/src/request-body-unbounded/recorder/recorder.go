// Package recorder uses httptest only to capture a handler's output, never
// to serve: it is production code and its handlers are reported.
package recorder

import (
	"io"
	"net/http"
	"net/http/httptest"
)

// Capture runs h and returns what it wrote.
func Capture(h http.Handler, r *http.Request) []byte {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	return rec.Body.Bytes()
}

func upload(w http.ResponseWriter, r *http.Request) {
	data, err := io.ReadAll(r.Body) // want `\[request-body-unbounded\] io.ReadAll\(r.Body\) reads the whole request body into memory with no size limit`
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.Write(data)
}
