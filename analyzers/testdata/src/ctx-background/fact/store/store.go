// Package store declares, in its own package of the module, functions
// that take a context: one never reads it, one passes it on.
package store

import (
	"context"
	"net/http"
)

type Entry struct{ Body []byte }

// Verify checks the entry and never reads its context.
func (e *Entry) Verify(_ context.Context) error { return nil }

// Validate reads no context either, with a named parameter.
func Validate(ctx context.Context, e *Entry) error {
	if len(e.Body) == 0 {
		return nil
	}
	return nil
}

// Fetch sends a request bounded by its context.
func Fetch(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	_, err = http.DefaultClient.Do(req)
	return err
}

// Reachable answers with a bool, and sends a request to find it.
func Reachable(ctx context.Context, url string) bool {
	return Fetch(ctx, url) == nil
}

// Known answers with a bool from what it holds.
func Known(ctx context.Context, name string) bool {
	_ = ctx
	return name != ""
}
