// Package api serves a handler that reads its request body through a helper
// of another package (decode), for the mutation benchmark's smoke test.
package api

import (
	"net/http"

	"example.com/smoke/decode"
)

// Create decodes a JSON object from the request.
func Create(w http.ResponseWriter, r *http.Request) {
	var v map[string]string
	if err := decode.JSON(r, &v); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

// Routes registers the package's handlers.
func Routes(mux *http.ServeMux) {
	mux.HandleFunc("POST /items", Create)
}
