package httptimeout

import (
	"context"
	"net/http"
)

// An SDK client: requests are built by a helper from the caller's ctx and
// sent by another helper that receives them; every request carries the
// caller's ctx, whose deadline is the caller's to set.
type sdkClient struct{ hc *http.Client }

func newSDKClient() *sdkClient { return &sdkClient{hc: &http.Client{}} }

func (c *sdkClient) newRequest(ctx context.Context, method, u string) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, method, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	return req, nil
}

func (c *sdkClient) do(req *http.Request) error {
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (c *sdkClient) Get(ctx context.Context, u string) error {
	req, err := c.newRequest(ctx, http.MethodGet, u)
	if err != nil {
		return err
	}
	return c.do(req)
}

// Twin: one caller of the sending helper builds its request with no
// context, so on that path nothing bounds the send.
type sdkClientNoCtx struct{ hc *http.Client }

func newSDKClientNoCtx() *sdkClientNoCtx {
	return &sdkClientNoCtx{hc: &http.Client{}} // want `\[http-timeout\] this http.Client has no Timeout`
}

func (c *sdkClientNoCtx) newRequest(ctx context.Context, method, u string) (*http.Request, error) {
	return http.NewRequestWithContext(ctx, method, u, nil)
}

func (c *sdkClientNoCtx) do(req *http.Request) error {
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (c *sdkClientNoCtx) Get(ctx context.Context, u string) error {
	req, err := c.newRequest(ctx, http.MethodGet, u)
	if err != nil {
		return err
	}
	return c.do(req)
}

func (c *sdkClientNoCtx) Ping(u string) error {
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	return c.do(req)
}

// Twin: the builder drops the caller's ctx for a fresh root.
type sdkClientRoot struct{ hc *http.Client }

func newSDKClientRoot() *sdkClientRoot {
	return &sdkClientRoot{hc: &http.Client{}} // want `\[http-timeout\] this http.Client has no Timeout`
}

func (c *sdkClientRoot) newRequest(u string) (*http.Request, error) {
	return http.NewRequestWithContext(context.Background(), http.MethodGet, u, nil)
}

func (c *sdkClientRoot) Get(u string) error {
	req, err := c.newRequest(u)
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A handler that replaces its request parameter with one made on the
// request's own context: the value assigned is judged, as before.
type proxyHandler struct{ url string }

func (p *proxyHandler) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	req, err := http.NewRequestWithContext(req.Context(), http.MethodGet, p.url, nil)
	if err != nil {
		return
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return
	}
	resp.Body.Close()
}
