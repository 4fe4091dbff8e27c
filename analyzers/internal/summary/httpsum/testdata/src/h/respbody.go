package h

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
)

// The response of a send, returned on success; closed only on the
// error paths.
func PerformRequest(ctx context.Context, c *http.Client, req *http.Request) (*http.Response, error) { // want PerformRequest:"returns a response with its body open"
	res, err := c.Do(req)
	if err != nil {
		select {
		case <-ctx.Done():
			return res, ctx.Err()
		default:
		}
		return res, err
	}
	if res.StatusCode != http.StatusOK {
		defer res.Body.Close()
		return res, decodeError(res)
	}
	return res, nil
}

func decodeError(res *http.Response) error {
	var e struct{ Message string }
	if err := json.NewDecoder(res.Body).Decode(&e); err != nil {
		return err
	}
	return errors.New(e.Message)
}

// The error path reads and closes the body; the success path returns it.
func FetchOpen(c *http.Client, url string) (*http.Response, error) { // want FetchOpen:"returns a response with its body open"
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 400 {
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return nil, fmt.Errorf("%s: %s", resp.Status, b)
	}
	return resp, nil
}

// A send returned directly, and a helper of this kind returned directly.
func Send(c *http.Client, req *http.Request) (*http.Response, error) { // want Send:"returns a response with its body open"
	return c.Do(req)
}

func Relay(c *http.Client, url string) (*http.Response, error) { // want Relay:"returns a response with its body open"
	resp, err := FetchOpen(c, url)
	if err != nil {
		return nil, fmt.Errorf("relay: %w", err)
	}
	return resp, nil
}

// The twins: no summary.

// Closes the body on every path.
func FetchClosed(c *http.Client, url string) (*http.Response, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return resp, nil
}

// Reads the body on the success path.
func FetchRead(c *http.Client, url string) (*http.Response, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	_, err = io.ReadAll(resp.Body)
	return resp, err
}

// Replaces the body.
func FetchWrapped(c *http.Client, url string, wrap func(io.ReadCloser) io.ReadCloser) (*http.Response, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	resp.Body = wrap(resp.Body)
	return resp, nil
}

// Hands the response to another function on the success path.
func FetchChecked(c *http.Client, url string, check func(*http.Response)) (*http.Response, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	check(resp)
	return resp, nil
}

// Closes the body in a deferred closure, which runs on every path.
func FetchDeferredClose(c *http.Client, url string) (*http.Response, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer func() {
		if resp.StatusCode != http.StatusOK {
			resp.Body.Close()
		}
	}()
	return resp, nil
}

// Returns a response it did not get from a send.
func Cached(c *http.Client, url string, cache map[string]*http.Response) (*http.Response, error) {
	if resp, ok := cache[url]; ok {
		return resp, nil
	}
	return c.Get(url)
}

// Succeeds without a response.
func MaybeFetch(c *http.Client, url string) (*http.Response, error) {
	if url == "" {
		return nil, nil
	}
	return c.Get(url)
}

// Results other than (*http.Response, error).
func FetchStatus(c *http.Client, url string) (*http.Response, int, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, 0, err
	}
	return resp, resp.StatusCode, nil
}
