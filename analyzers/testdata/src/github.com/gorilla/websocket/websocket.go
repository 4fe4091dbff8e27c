// Package websocket is a minimal stub of github.com/gorilla/websocket.
package websocket

import (
	"context"
	"net/http"
	"time"
)

type Conn struct{}

type Dialer struct {
	Proxy            func(*http.Request) (*string, error)
	HandshakeTimeout time.Duration
}

var DefaultDialer = &Dialer{HandshakeTimeout: 45 * time.Second}

func (d *Dialer) Dial(urlStr string, h http.Header) (*Conn, *http.Response, error) {
	return d.DialContext(context.Background(), urlStr, h)
}

func (d *Dialer) DialContext(ctx context.Context, urlStr string, h http.Header) (*Conn, *http.Response, error) {
	return nil, nil, ctx.Err()
}
