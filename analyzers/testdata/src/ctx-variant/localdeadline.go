package ctxvariant

import (
	"context"
	"net/http"
	"time"
)

// A function with no context parameter that makes a context with its own
// deadline has a ctx in scope: the request built without it is never
// bounded by that deadline. Reported, with the local context as the fix;
// the quiet twin's local context has no deadline of its own.

func statusWithin(url string) (int, error) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	_ = ctx
	req, err := http.NewRequest(http.MethodGet, url, nil) // want `\[ctx-variant\] http.NewRequest cannot be cancelled.*use NewRequestWithContext\(ctx, `
	if err != nil {
		return 0, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

func quietStatusNoDeadline(url string) (int, error) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_ = ctx
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return 0, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}
