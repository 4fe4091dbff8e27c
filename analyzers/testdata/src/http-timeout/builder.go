package httptimeout

import (
	"context"
	"errors"
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

type workspaces struct{ byID map[string]*http.Client }

// clientFor returns an empty client only together with an error, which its
// callers return on before sending: the client they send through is the
// workspace's.
func (w *workspaces) clientFor(id string) (*http.Client, error) {
	c, ok := w.byID[id]
	if !ok {
		return &http.Client{}, errors.New("no workspace " + id)
	}
	return c, nil
}

func (w *workspaces) lookup(id string) (*http.Client, error) {
	c, err := w.clientFor(id)
	if err != nil {
		return &http.Client{}, err
	}
	return c, nil
}

// quietClientOnlyWithError sends through a client whose constructor's
// timeout-less client comes only with an error.
func (w *workspaces) quietClientOnlyWithError(id, u string) error {
	client, err := w.lookup(id)
	if err != nil {
		return err
	}
	resp, err := client.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The twin: the timeout-less client is returned on success.
func (w *workspaces) clientOrDefault(id string) (*http.Client, error) {
	if c, ok := w.byID[id]; ok {
		return c, nil
	}
	return &http.Client{}, nil
}

func (w *workspaces) sendOrDefault(id, u string) error {
	client, err := w.clientOrDefault(id)
	if err != nil {
		return err
	}
	resp, err := client.Get(u) // want `\[http-timeout\] the http.Client client sends through comes from workspaces.clientOrDefault`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
