// Package wrapcall calls another package's handler from a handler of its
// own, with its request and no limit: reported at the call.
package wrapcall

import (
	"net/http"

	"request-body-unbounded/fact/methods"
)

func Legacy(api *methods.API) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		api.Create(w, r) // want `\[request-body-unbounded\] methods.API.Create is called here with the request with no body limit, and in it \(methods.go:16\) io.ReadAll`
	}
}
