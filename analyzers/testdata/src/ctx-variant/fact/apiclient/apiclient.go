// Package apiclient declares, in its own package of the module, a sender
// that attaches the context to the request itself and one that does not.
package apiclient

import (
	"context"
	"net/http"
)

type Client struct{ HC *http.Client }

// Send attaches ctx to req before sending it.
func (c *Client) Send(ctx context.Context, req *http.Request) (*http.Response, error) {
	req.Header.Set("Accept", "application/json")
	return c.HC.Do(req.WithContext(ctx))
}

// SendVia attaches the context through Send.
func SendVia(c *Client, ctx context.Context, req *http.Request) (*http.Response, error) {
	return c.Send(ctx, req)
}

// SendAsIs sends req as it is.
func (c *Client) SendAsIs(req *http.Request) (*http.Response, error) {
	return c.HC.Do(req)
}
