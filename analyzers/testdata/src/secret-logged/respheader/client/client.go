// Package client returns the headers of the responses it receives, and,
// as twins, headers that are not a response's.
package client

import (
	"errors"
	"net/http"
)

// Find returns the response's header on every return that gives one.
func Find(c *http.Client, url string) (string, http.Header, error) {
	resp, err := c.Get(url)
	if err != nil {
		return "", nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", resp.Header, errors.New(resp.Status)
	}
	h := resp.Header
	return resp.Status, h, nil
}

// Relay hands on what Find returns.
func Relay(c *http.Client, url string) (http.Header, error) {
	_, h, err := Find(c, url)
	return h, err
}

// Sent returns the header of the request it sends: Authorization and
// Cookie included.
func Sent(c *http.Client, req *http.Request) (http.Header, error) {
	resp, err := c.Do(req)
	if err != nil {
		return req.Header, err
	}
	resp.Body.Close()
	return req.Header, nil
}

// Either returns a response's header on one path and the request's on
// another.
func Either(c *http.Client, req *http.Request) http.Header {
	resp, err := c.Do(req)
	if err != nil {
		return req.Header
	}
	resp.Body.Close()
	return resp.Header
}
