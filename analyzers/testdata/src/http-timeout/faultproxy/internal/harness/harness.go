// Package harness is a client of a local fault-injection proxy that only
// the module's tests start: an internal package that only _test.go files
// import, so only test binaries link it, although it imports no testing.
package harness

import (
	"net/http"
	"time"
)

// Client talks to the proxy the test started.
type Client struct {
	httpClient *http.Client
	endpoint   string
}

// NewClient sets no Timeout, and no finding: only tests import this package.
func NewClient(endpoint string) *Client {
	return &Client{
		httpClient: &http.Client{Transport: &http.Transport{IdleConnTimeout: 90 * time.Second}},
		endpoint:   endpoint,
	}
}

// Reset sends through the client.
func (c *Client) Reset() error {
	resp, err := c.httpClient.Post(c.endpoint+"/reset", "text/plain", nil)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
