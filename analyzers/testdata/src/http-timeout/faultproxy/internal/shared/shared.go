// Package shared is the twin of harness: the same client, but a non-test
// file of the module (cmd/server) imports it too, so it is production code.
package shared

import (
	"net/http"
	"time"
)

// Client talks to an upstream.
type Client struct {
	httpClient *http.Client
	endpoint   string
}

// NewClient sets no Timeout and is reported: a deployed command links it.
func NewClient(endpoint string) *Client {
	return &Client{
		httpClient: &http.Client{Transport: &http.Transport{IdleConnTimeout: 90 * time.Second}}, // want `\[http-timeout\] this http.Client has no Timeout`
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
