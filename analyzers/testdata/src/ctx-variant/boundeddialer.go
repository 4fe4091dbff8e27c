package ctxvariant

import (
	"context"
	"net"
	"net/http"
	"time"

	"github.com/gorilla/websocket"
)

// A dial through a dialer that carries its own timeout ends by that bound.
// Quiet: a copy of the library's preconfigured default dialer, a literal
// with a timeout, a variable given one.

func quietDefaultDialerCopy(ctx context.Context, url string) error {
	dialer := *websocket.DefaultDialer
	_, _, err := dialer.Dial(url, http.Header{})
	return err
}

func quietDialerWithTimeout(ctx context.Context, addr string) (net.Conn, error) {
	return (&net.Dialer{Timeout: 5 * time.Second}).Dial("tcp", addr)
}

func quietDialerGivenTimeout(ctx context.Context, addr string, d time.Duration) (net.Conn, error) {
	var dialer net.Dialer
	dialer.Timeout = d
	return dialer.Dial("tcp", addr)
}

// Twins: a dialer with no timeout.

func reportedZeroDialer(ctx context.Context, url string) error {
	dialer := websocket.Dialer{}
	_, _, err := dialer.Dial(url, http.Header{}) // want `\[ctx-variant\] `
	return err
}

func reportedNetDialerNoTimeout(ctx context.Context, addr string) (net.Conn, error) {
	dialer := net.Dialer{KeepAlive: time.Second}
	return dialer.Dial("tcp", addr) // want `\[ctx-variant\] `
}
