// Package apppages builds an application handler.
package apppages

import "net/http"

// Handler serves the application's pages.
func Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte(r.URL.Path)) })
}
