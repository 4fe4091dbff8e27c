// Package plainrouter registers another package's handler with no limit:
// reported here, where the registration is.
package plainrouter

import (
	"net/http"

	"request-body-unbounded/fact/handlers"
	"request-body-unbounded/fact/methods"
)

func logged(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		next(w, r)
	}
}

func Routes(mux *http.ServeMux) {
	mux.HandleFunc("/create", (&methods.API{}).Create) // want `\[request-body-unbounded\] methods.API.Create is registered here with no body limit, and in it \(methods.go:16\) io.ReadAll`
	mux.HandleFunc("/import", logged(handlers.Import)) // want `\[request-body-unbounded\] handlers.Import is registered here with no body limit, and in it \(handlers.go:20\) json.NewDecoder`
}
