// Package api sends requests for other packages and returns their
// responses with the body open; on a failed request the response is nil.
package api

import (
	"fmt"
	"net/http"
)

// Get returns the response of a GET of u; on a status error it closes
// the body and returns an error.
func Get(c *http.Client, u string) (*http.Response, error) {
	resp, err := c.Get(u)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 400 {
		resp.Body.Close()
		return nil, fmt.Errorf("get %s: %s", u, resp.Status)
	}
	return resp, nil
}

// Stub returns a response made without a request.
func Stub() (*http.Response, error) {
	return &http.Response{StatusCode: http.StatusNoContent, Body: http.NoBody}, nil
}
