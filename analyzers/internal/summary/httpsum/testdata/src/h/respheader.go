package h

import (
	"errors"
	"net/http"
)

func FindHeader(c *http.Client, url string) (string, http.Header, error) { // want FindHeader:"returns a response's header as result 1"
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

func RelayHeader(c *http.Client, url string) http.Header { // want RelayHeader:"returns a response's header as result 0"
	_, h, _ := FindHeader(c, url)
	return h
}

// The request's header on one path: no summary.
func EitherHeader(c *http.Client, req *http.Request) http.Header {
	resp, err := c.Do(req)
	if err != nil {
		return req.Header
	}
	resp.Body.Close()
	return resp.Header
}

// A bare return of a named result: unknown.
func NamedHeader(resp *http.Response) (h http.Header) {
	h = resp.Header
	return
}

func ForwardHeader(c *http.Client, url string) (string, http.Header, error) { // want ForwardHeader:"returns a response's header as result 1"
	return FindHeader(c, url)
}

// A named result a deferred literal may overwrite after the return: unknown.
func OverwrittenHeader(c *http.Client, req *http.Request) (h http.Header, err error) {
	defer func() {
		if err != nil {
			h = req.Header
		}
	}()
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	return resp.Header, nil
}
