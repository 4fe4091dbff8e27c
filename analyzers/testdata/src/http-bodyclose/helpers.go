package httpbodyclose

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
)

// A helper of the package that sends a request and returns its response
// with the body open on success (it closes it only on the error path):
// its caller owns the body as it owns a send's. Reported when the caller
// never closes it, or leaves it open on a path; quiet when the caller
// closes it, returns the response, or the helper closes the body on
// success itself.

func performRequest(ctx context.Context, c *http.Client, req *http.Request) (*http.Response, error) {
	res, err := c.Do(req.WithContext(ctx))
	if err != nil {
		return nil, err
	}
	if res.StatusCode != http.StatusOK {
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return nil, fmt.Errorf("%s: %s", res.Status, b)
	}
	return res, nil
}

type lfsClient struct{ c *http.Client }

func (l *lfsClient) do(req *http.Request) (*http.Response, error) { return l.c.Do(req) }

func helperNeverClosed(ctx context.Context, c *http.Client, req *http.Request) (string, error) {
	res, err := performRequest(ctx, c, req) // want `\[http-bodyclose\] the body of the response from performRequest is never closed: every call leaks a connection until the service runs out of sockets; defer res.Body.Close\(\) once err is nil`
	if err != nil {
		return "", err
	}
	return res.Header.Get("ETag"), nil
}

func helperClosed(ctx context.Context, c *http.Client, req *http.Request) (string, error) {
	res, err := performRequest(ctx, c, req)
	if err != nil {
		return "", err
	}
	defer res.Body.Close()
	return res.Header.Get("ETag"), nil
}

func methodHelperOnAPath(l *lfsClient, req *http.Request) error {
	resp, err := l.do(req) // want `\[http-bodyclose\] the body of the response from l.do is not closed on the path that reaches the return at line \d+`
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	defer resp.Body.Close()
	return nil
}

func methodHelperClosedFirst(l *lfsClient, req *http.Request) error {
	resp, err := l.do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return nil
}

func helperDiscarded(l *lfsClient, req *http.Request) {
	l.do(req) // want `\[http-bodyclose\] the response of l.do is discarded`
}

func helperReturned(ctx context.Context, c *http.Client, req *http.Request) (*http.Response, error) {
	res, err := performRequest(ctx, c, req)
	if err != nil {
		return nil, fmt.Errorf("lfs: %w", err)
	}
	return res, nil
}

// The helper closes the body on success itself: its caller has nothing to close.
func fetchStatus(c *http.Client, u string) (*http.Response, error) {
	res, err := c.Get(u)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	return res, nil
}

func helperClosesOnSuccess(c *http.Client, u string) (int, error) {
	res, err := fetchStatus(c, u)
	if err != nil {
		return 0, err
	}
	return res.StatusCode, nil
}
