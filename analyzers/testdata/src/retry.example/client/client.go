// Package client holds helpers that reach the network through layers of
// calls, beside helpers of the same shape that are pure.
package client

import (
	"context"
	"net"
	"net/http"
	"strconv"
)

// API wraps an HTTP client.
type API struct{ hc *http.Client }

// Status asks the service for its status, through a helper.
func (a *API) Status(ctx context.Context) (int, error) { return a.send(ctx, "/status") }

func (a *API) send(ctx context.Context, path string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://service"+path, nil)
	if err != nil {
		return 0, err
	}
	resp, err := a.hc.Do(req)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}

// Conn is a connection to a broker, written over a net.Conn.
type Conn struct{ nc net.Conn }

// Publish writes a message to the broker.
func (c *Conn) Publish(ctx context.Context, msg []byte) error {
	_, err := c.nc.Write(msg)
	return err
}

// ParsePort takes a context and can fail, but does no I/O.
func ParsePort(ctx context.Context, s string) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	return strconv.Atoi(s)
}
