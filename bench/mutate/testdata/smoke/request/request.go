// Package request builds requests the production-ready way, for the
// mutation benchmark's smoke test.
package request

import (
	"context"
	"net/http"
)

// Get sends a GET bound to ctx; the caller closes the body.
func Get(ctx context.Context, c *http.Client, url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}
