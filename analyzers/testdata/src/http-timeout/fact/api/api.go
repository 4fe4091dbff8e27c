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

// SDK is an API client whose requests are built by one helper from the
// caller's context and sent by another through a client without a
// timeout: quiet where it sends (the deadline is the caller's to set),
// reported where a caller in another package passes a fresh root.
type SDK struct{ HTTP *http.Client }

// NewSDK builds the client.
func NewSDK() *SDK { return &SDK{} }

func (s *SDK) client() *http.Client {
	if s.HTTP != nil {
		return s.HTTP
	}
	return &http.Client{}
}

func (s *SDK) newRequest(ctx context.Context, url string) (*http.Request, error) {
	return http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
}

func (s *SDK) do(req *http.Request) error {
	resp, err := s.client().Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Get fetches url on the caller's context.
func (s *SDK) Get(ctx context.Context, url string) error {
	req, err := s.newRequest(ctx, url)
	if err != nil {
		return err
	}
	return s.do(req)
}
