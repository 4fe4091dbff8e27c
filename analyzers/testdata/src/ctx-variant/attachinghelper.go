package ctxvariant

import (
	"context"
	"net/http"
)

// A request built with http.NewRequest and handed to a helper of this
// package that attaches the context itself (req.WithContext(ctx)) never
// travels without it. Quiet; the twin hands it to a helper that sends it
// as it is and is still reported.

type apiClient struct{ hc *http.Client }

func (c *apiClient) send(ctx context.Context, req *http.Request) (*http.Response, error) {
	req.Header.Set("Accept", "application/json")
	return c.hc.Do(req.WithContext(ctx))
}

func (c *apiClient) sendAsIs(req *http.Request) (*http.Response, error) {
	return c.hc.Do(req)
}

func (c *apiClient) status(ctx context.Context, url string) (int, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return 0, err
	}
	resp, err := c.send(ctx, req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

func (c *apiClient) statusUnattached(ctx context.Context, url string) (int, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil) // want `\[ctx-variant\] http.NewRequest cannot be cancelled`
	if err != nil {
		return 0, err
	}
	resp, err := c.sendAsIs(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}
