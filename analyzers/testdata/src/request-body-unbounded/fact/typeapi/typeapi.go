// Package typeapi serves routes wrapped by a middleware of another package
// of the module whose handler type limits the body: quiet.
package typeapi

import (
	"encoding/json"
	"net/http"

	"request-body-unbounded/fact/mwtype"
)

func create(w http.ResponseWriter, r *http.Request) {
	var v map[string]any
	json.NewDecoder(r.Body).Decode(&v)
}

// Handler returns the API with every route behind the body limit.
func Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/create", create)
	return mwtype.LimitBody(1 << 20)(mux)
}
