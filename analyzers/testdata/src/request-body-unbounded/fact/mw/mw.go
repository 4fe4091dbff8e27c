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

// LimitVia caps every request body through the LimitRequest helper before
// the next handler reads it.
func LimitVia(next http.Handler) http.Handler { // want LimitVia:`limits the request body \(middleware\)`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		LimitRequest(w, r)
		next.ServeHTTP(w, r)
	})
}

// LogVia logs every request through the LogRequest helper and limits
// nothing.
func LogVia(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		LogRequest(w, r)
		next.ServeHTTP(w, r)
	})
}
