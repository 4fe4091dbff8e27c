// Package bare mounts another package's routes with no body limit: the
// finding is at the mount.
package bare

import (
	"net/http"

	"request-body-unbounded/fact/mounted/routes"
)

func Serve(addr string) error {
	return http.ListenAndServe(addr, routes.Handler()) // want `\[request-body-unbounded\] routes.Handler returns a handler that is mounted here with no body limit, and a handler it serves \(routes.go:13\) io.ReadAll\(r.Body\) reads the whole request body`
}
