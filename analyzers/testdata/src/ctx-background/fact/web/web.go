// Package web hands fresh roots to the functions of another package of
// the module: quiet where the callee never reads the context, reported
// where it uses it.
package web

import (
	"context"
	"net/http"

	"ctx-background/fact/store"
)

func check(w http.ResponseWriter, r *http.Request) {
	e := &store.Entry{}
	_ = e.Verify(context.Background())
	_ = store.Validate(context.TODO(), e)
}

func fetch(w http.ResponseWriter, r *http.Request) {
	_ = store.Fetch(context.Background(), "http://upstream/") // want `\[ctx-background\] context.Background\(\) drops the request's`
}

// A function of another package that returns no error is a lookup only
// when its summary says it reaches no network or database.
func probe(w http.ResponseWriter, r *http.Request) {
	if store.Known(context.Background(), r.URL.Path) {
		_ = store.Reachable(context.Background(), "http://upstream/") // want `\[ctx-background\] context.Background\(\) drops the request's`
	}
}
