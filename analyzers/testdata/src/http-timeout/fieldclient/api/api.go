// Package api keeps its http.Clients in struct fields and sends through
// them on the caller's context: quiet here (the deadline is the caller's
// to set), reported where a caller in another package passes a context
// with no deadline, when every value the package gives the field is a
// client without a timeout.
package api

import (
	"context"
	"net/http"
	"time"
)

// tune bounds the client it is given.
func tune(c *http.Client) { c.Timeout = time.Minute }

// Downloader keeps a client without a timeout in an unexported field.
type Downloader struct{ client *http.Client }

// NewDownloader builds the client with no Timeout.
func NewDownloader() *Downloader {
	return &Downloader{client: &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4}}}
}

func (d *Downloader) callAPI(ctx context.Context, u string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := d.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Get fetches u on the caller's context.
func (d *Downloader) Get(ctx context.Context, u string) error { return d.callAPI(ctx, u) }

// Lazy makes its client on first use, without a timeout, and sends
// through a local copy of the field.
type Lazy struct{ client *http.Client }

// Get fetches u on the caller's context.
func (l *Lazy) Get(ctx context.Context, u string) error {
	if l.client == nil {
		l.client = new(http.Client)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	c := l.client
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Timed: the field's literal has a Timeout.
type Timed struct{ client *http.Client }

// NewTimed builds the client with a Timeout.
func NewTimed() *Timed { return &Timed{client: &http.Client{Timeout: 10 * time.Second}} }

// Get fetches u on the caller's context.
func (t *Timed) Get(ctx context.Context, u string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := t.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Reassigned: the package also gives the field a client with a timeout.
type Reassigned struct{ client *http.Client }

// NewReassigned builds the client with no Timeout.
func NewReassigned() *Reassigned { return &Reassigned{client: &http.Client{}} }

// UseTimeout replaces the client with one that has a Timeout.
func (r *Reassigned) UseTimeout() { r.client = &http.Client{Timeout: time.Minute} }

// Get fetches u on the caller's context.
func (r *Reassigned) Get(ctx context.Context, u string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := r.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Exported: any package may assign the field.
type Exported struct{ Client *http.Client }

// NewExported builds the client with no Timeout.
func NewExported() *Exported { return &Exported{Client: &http.Client{}} }

// Get fetches u on the caller's context.
func (e *Exported) Get(ctx context.Context, u string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := e.Client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Configured: the package sets the field's Timeout after making it.
type Configured struct{ client *http.Client }

// NewConfigured builds the client with no Timeout.
func NewConfigured() *Configured { return &Configured{client: &http.Client{}} }

// SetTimeout bounds every request.
func (c *Configured) SetTimeout(d time.Duration) { c.client.Timeout = d }

// Get fetches u on the caller's context.
func (c *Configured) Get(ctx context.Context, u string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := c.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// HandedOff: the field is handed to a call, which may configure it.
type HandedOff struct{ client *http.Client }

// NewHandedOff builds the client with no Timeout, then has it tuned.
func NewHandedOff() *HandedOff {
	h := &HandedOff{client: &http.Client{}}
	tune(h.client)
	return h
}

// Get fetches u on the caller's context.
func (h *HandedOff) Get(ctx context.Context, u string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := h.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Shared: a getter gives the client away, to be configured anywhere.
type Shared struct{ client *http.Client }

// NewShared builds the client with no Timeout.
func NewShared() *Shared { return &Shared{client: &http.Client{}} }

// HTTPClient returns the client.
func (s *Shared) HTTPClient() *http.Client { return s.client }

// Get fetches u on the caller's context.
func (s *Shared) Get(ctx context.Context, u string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Unkeyed: a literal without keys gives the field a value.
type Unkeyed struct {
	client *http.Client
	base   string
}

// NewUnkeyed is given the client.
func NewUnkeyed(c *http.Client) *Unkeyed { return &Unkeyed{c, "http://upstream/"} }

// NewUnkeyedDefault builds the client with no Timeout.
func NewUnkeyedDefault() *Unkeyed { return &Unkeyed{client: &http.Client{}} }

// Get fetches u on the caller's context.
func (k *Unkeyed) Get(ctx context.Context, u string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, k.base+u, nil)
	if err != nil {
		return err
	}
	resp, err := k.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Given: the client comes from the caller.
type Given struct{ client *http.Client }

// NewGiven is given the client.
func NewGiven(c *http.Client) *Given { return &Given{client: c} }

// Get fetches u on the caller's context.
func (g *Given) Get(ctx context.Context, u string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := g.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Aliased: the package sets the Timeout through a local copy of the field.
type Aliased struct{ client *http.Client }

// NewAliased builds the client with no Timeout, then bounds it.
func NewAliased() *Aliased {
	a := &Aliased{client: &http.Client{}}
	c := a.client
	c.Timeout = time.Minute
	return a
}

// Get fetches u on the caller's context.
func (a *Aliased) Get(ctx context.Context, u string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := a.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
