// Package api declares client constructors and a fetch helper in their
// own package of the module; the sends that use them are in another.
package api

import (
	"context"
	"net/http"
	"time"
)

// NewClient builds a client with no Timeout.
func NewClient() *http.Client {
	return &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4}}
}

// NewTimedClient builds a client with a Timeout.
func NewTimedClient() *http.Client {
	return &http.Client{Timeout: 10 * time.Second}
}

// NewClientWith builds a client with the caller's timeout.
func NewClientWith(d time.Duration) *http.Client {
	return &http.Client{Timeout: d}
}

// Fetch sends through http.DefaultClient, bounded by the caller's context.
func Fetch(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Ping calls Fetch with the caller's context.
func Ping(ctx context.Context) error {
	return Fetch(ctx, "http://upstream/ping")
}
