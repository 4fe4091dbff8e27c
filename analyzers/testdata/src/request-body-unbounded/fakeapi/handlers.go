package fakeapi

import (
	"io"
	"net/http"
)

// postMessage reads the whole body: quiet, the package is a test fake.
func postMessage(w http.ResponseWriter, r *http.Request) {
	data, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.Write(data)
}
