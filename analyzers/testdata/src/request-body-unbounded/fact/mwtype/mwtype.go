// Package mwtype declares middleware written as handler types in its own
// package of the module: types whose ServeHTTP limits the request body and
// then calls the next handler, and one that limits nothing.
package mwtype

import (
	"log"
	"net/http"
)

// Limiter caps every request body at Max bytes before Next reads it.
type Limiter struct { // want Limiter:`limits the request body \(middleware\)`
	Next http.Handler
	Max  int64
}

func (l *Limiter) ServeHTTP(w http.ResponseWriter, r *http.Request) { // want ServeHTTP:"limits the request body"
	r.Body = http.MaxBytesReader(w, r.Body, l.Max)
	l.Next.ServeHTTP(w, r)
}

type limiter struct {
	next http.Handler
	n    int64
}

func (l limiter) ServeHTTP(w http.ResponseWriter, r *http.Request) { // want ServeHTTP:"limits the request body"
	r.Body = http.MaxBytesReader(w, r.Body, l.n)
	l.next.ServeHTTP(w, r)
}

// LimitBody returns a middleware that caps every request body at n bytes.
func LimitBody(n int64) func(http.Handler) http.Handler { // want LimitBody:`limits the request body \(middleware\)`
	return func(next http.Handler) http.Handler {
		return limiter{next: next, n: n}
	}
}

type tracer struct{ next http.Handler }

func (t tracer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	log.Println(r.Method, r.URL.Path)
	t.next.ServeHTTP(w, r)
}

// Trace logs every request and limits nothing.
func Trace(next http.Handler) http.Handler { return tracer{next: next} }
