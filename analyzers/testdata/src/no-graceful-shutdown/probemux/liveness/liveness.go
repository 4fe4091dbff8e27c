// Package liveness answers a liveness probe from the state of the
// process's helpers; its handler looks at the request to answer 404.
package liveness

import "net/http"

// Handler answers 200 while check succeeds, 404 otherwise.
func Handler(check func() error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if check() != nil {
			http.NotFound(w, r)
		}
	})
}
