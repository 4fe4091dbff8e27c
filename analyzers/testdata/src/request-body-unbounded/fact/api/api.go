// Package api serves routes wrapped by a body-limiting middleware declared
// in another package of the module: quiet.
package api

import (
	"encoding/json"
	"io"
	"net/http"

	"request-body-unbounded/fact/mw"
)

func upload(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body)
	w.Write(data)
}

func create(w http.ResponseWriter, r *http.Request) {
	var v map[string]any
	json.NewDecoder(r.Body).Decode(&v)
}

// Handler returns the API with every route behind the body limit.
func Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/upload", upload)
	mux.HandleFunc("/create", create)
	return mw.LimitBody(1 << 20)(mux)
}
