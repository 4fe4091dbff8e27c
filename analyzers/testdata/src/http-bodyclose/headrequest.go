package httpbodyclose

import (
	"context"
	"net/http"
)

// A HEAD request sent through Do has no body to close: the Transport puts
// its connection back at once. Quiet; the twin sends a GET the same way
// and is still reported.

func quietHeadRequest(ctx context.Context, c *http.Client, u string) (bool, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, u, nil)
	if err != nil {
		return false, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return false, err
	}
	return resp.StatusCode == http.StatusOK, nil
}

func existsHeadInline(c *http.Client, u string) bool {
	r, _ := http.NewRequest("HEAD", u, nil)
	resp, err := c.Do(r)
	return err == nil && resp.StatusCode == http.StatusOK
}

func existsMethodSet(c *http.Client, u string) bool {
	req, _ := http.NewRequest(http.MethodGet, u, nil)
	req.Method = http.MethodHead
	resp, err := c.Do(req)
	return err == nil && resp.StatusCode == http.StatusOK
}

func existsGet(ctx context.Context, c *http.Client, u string) (bool, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return false, err
	}
	resp, err := c.Do(req) // want `\[http-bodyclose\] the body of the response from c.Do is never closed`
	if err != nil {
		return false, err
	}
	return resp.StatusCode == http.StatusOK, nil
}

func existsGetReassigned(ctx context.Context, c *http.Client, u string, get bool) (bool, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, u, nil)
	if get {
		req, err = http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	}
	if err != nil {
		return false, err
	}
	resp, err := c.Do(req) // want `\[http-bodyclose\] the body of the response from c.Do is never closed`
	if err != nil {
		return false, err
	}
	return resp.StatusCode == http.StatusOK, nil
}

// Quiet at the first send: the request is a HEAD there; its method becomes
// GET only after it. The second send, after the reassignment, is a GET and
// its body is never closed: reported.
func headThenGet(ctx context.Context, c *http.Client, u string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, u, nil)
	if err != nil {
		return "", err
	}
	resp, err := c.Do(req)
	if err != nil {
		return "", err
	}
	if resp.StatusCode != http.StatusOK {
		return "", nil
	}
	etag := resp.Header.Get("Etag")
	req.Method = http.MethodGet
	resp, err = c.Do(req) // want `\[http-bodyclose\] the body of the response from c.Do is never closed`
	if err != nil {
		return "", err
	}
	return etag + resp.Status, nil
}

// Twin: the reassignment sits in the loop around the send, so every send
// after the first is a GET: reported.
func headThenGetLoop(ctx context.Context, c *http.Client, u string, n int) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, u, nil)
	if err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		resp, err := c.Do(req) // want `\[http-bodyclose\] the body of the response from c.Do is never closed`
		if err != nil {
			return err
		}
		if resp.StatusCode == http.StatusOK {
			return nil
		}
		req.Method = http.MethodGet
	}
	return nil
}

// A copy of a HEAD request with another context (WithContext, Clone) is
// still a HEAD request. Quiet; the twin copies a GET the same way.

func existsHeadWithContext(ctx context.Context, c *http.Client, u string) bool {
	req, err := http.NewRequest("HEAD", u, nil)
	if err != nil {
		return false
	}
	resp, err := c.Do(req.WithContext(ctx))
	return err == nil && resp.StatusCode == http.StatusOK
}

func existsHeadCloned(ctx context.Context, c *http.Client, u string) bool {
	req, err := http.NewRequest(http.MethodHead, u, nil)
	if err != nil {
		return false
	}
	req = req.Clone(ctx)
	resp, err := c.Do(req)
	return err == nil && resp.StatusCode == http.StatusOK
}

func existsGetWithContext(ctx context.Context, c *http.Client, u string) bool {
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return false
	}
	resp, err := c.Do(req.WithContext(ctx)) // want `\[http-bodyclose\] the body of the response from c.Do is never closed`
	return err == nil && resp.StatusCode == http.StatusOK
}
