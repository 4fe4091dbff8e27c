// Package remote holds helpers that reach the network, directly or through
// each other, beside helpers of the same shape that do not.
package remote

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strconv"
)

// Fetch sends a request itself.
func Fetch(ctx context.Context, c *http.Client, url string) ([]byte, error) { // want Fetch:`mayIO\(http.Client.Do\)`
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// fetchTwice reaches the network through Fetch.
func fetchTwice(ctx context.Context, c *http.Client, url string) error { // want fetchTwice:`mayIO\(http.Client.Do\)`
	if _, err := Fetch(ctx, c, url); err != nil {
		return err
	}
	_, err := Fetch(ctx, c, url)
	return err
}

// Walk reaches the network only at the end of its recursion.
func Walk(ctx context.Context, c *http.Client, depth int) error { // want Walk:`mayIO\(http.Client.Do\)`
	if depth > 0 {
		return Walk(ctx, c, depth-1)
	}
	return fetchTwice(ctx, c, "http://example.com/")
}

// Parse takes a context and can fail, but does no I/O.
func Parse(ctx context.Context, s string) (int, error) { // want Parse:"noIO"
	if ctx.Err() != nil {
		return 0, ctx.Err()
	}
	return strconv.Atoi(s)
}

// validate can fail and calls only pure code, recursively.
func validate(s string) error { // want validate:"noIO"
	if s == "" {
		return errors.New("empty")
	}
	if len(s) > 1 {
		return validate(s[1:])
	}
	_, err := Parse(context.Background(), s)
	return err
}

// Store is a client whose implementations are not in view.
type Store interface {
	Get(ctx context.Context, key string) (string, error)
	Name() string
}

// Lookup calls an interface method that takes a context.
func Lookup(ctx context.Context, s Store, key string) (string, error) { // want Lookup:`mayIO\(remote.Store.Get\)`
	return s.Get(ctx, key)
}

// Label calls only an interface method that neither takes a context nor
// fails.
func Label(s Store) string { return s.Name() }

// Copy works on io interfaces of the standard library, which wrap files and
// buffers as often as connections.
func Copy(w io.Writer, r io.Reader) error { // want Copy:"noIO"
	_, err := io.Copy(w, r)
	return err
}
