// Package svc calls an upstream API, bounded only by the caller's context.
package svc

import (
	"context"
	"net/http"
	"strings"
	"time"
)

// Verify asks the upstream through http.DefaultClient on the caller's
// context.
func Verify(ctx context.Context, token string) (bool, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://upstream/verify", strings.NewReader(token))
	if err != nil {
		return false, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	return resp.StatusCode == http.StatusOK, nil
}

// Lookup sends through a client of its own without a Timeout.
func Lookup(ctx context.Context, id string) error {
	c := &http.Client{}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://upstream/"+id, nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

var timed = &http.Client{Timeout: 10 * time.Second}

// VerifyTimed sends through a client with a Timeout.
func VerifyTimed(ctx context.Context, token string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://upstream/verify", strings.NewReader(token))
	if err != nil {
		return err
	}
	resp, err := timed.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
