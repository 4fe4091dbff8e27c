// Package mw declares middleware in its own package of the module: one
// that limits every request body, and one that does not.
package mw

import (
	"log"
	"net/http"
)

// LimitBody caps every request body at n bytes before the next handler
// reads it.
func LimitBody(n int64) func(http.Handler) http.Handler { // want LimitBody:`limits the request body \(middleware\)`
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			r.Body = http.MaxBytesReader(w, r.Body, n)
			next.ServeHTTP(w, r)
		})
	}
}

// LimitRequest caps the body of one request.
func LimitRequest(w http.ResponseWriter, r *http.Request) { // want LimitRequest:"limits the request body"
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
}

// Logging logs every request and limits nothing.
func Logging(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		log.Println(r.Method, r.URL.Path)
		next.ServeHTTP(w, r)
	})
}

// LogRequest logs one request and limits nothing.
func LogRequest(w http.ResponseWriter, r *http.Request) {
	log.Println(r.Method, r.URL.Path)
}
