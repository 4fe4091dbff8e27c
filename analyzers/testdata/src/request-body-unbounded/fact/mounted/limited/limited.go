// Package limited mounts another package's routes behind
// http.MaxBytesHandler: quiet.
package limited

import (
	"net/http"

	"request-body-unbounded/fact/mounted/routes"
)

func Serve(addr string) error {
	return http.ListenAndServe(addr, http.MaxBytesHandler(routes.Handler(), 1<<20))
}
