package ctxbackground

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
)

// After the handler takes over the connection, the request's context ends
// only when the handler returns; a fresh root cancelled by the handler's
// own defer ends at the same moment. Quiet. Before the takeover (or
// without one) the same root cuts the client's cancellation and is still
// reported.

func relay(conn net.Conn, ctx context.Context) {}

func quietAfterHijack(w http.ResponseWriter, r *http.Request) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err != nil {
		return
	}
	streamCtx, cancel := context.WithCancel(context.Background())
	defer cancel()
	relay(conn, streamCtx)
}

func serveRelayBeforeHijack(w http.ResponseWriter, r *http.Request) {
	streamCtx, cancel := context.WithCancel(context.Background()) // want `\[ctx-background\] context.Background\(\) drops the request's`
	defer cancel()
	conn, _, err := w.(http.Hijacker).Hijack()
	if err != nil {
		return
	}
	relay(conn, streamCtx)
}

// serveTunnel takes over the connection and serves it from a goroutine
// that outlives the handler: the request's context would end when the
// handler returns and abort the handshake. Quiet.
func serveTunnel(w http.ResponseWriter, r *http.Request, cfg *tls.Config) {
	raw, _, err := w.(http.Hijacker).Hijack()
	if err != nil {
		return
	}
	work := func() {
		conn := tls.Server(raw, cfg)
		if err := conn.HandshakeContext(context.Background()); err != nil {
			return
		}
		relay(conn, context.TODO())
	}
	go work()
}

// serveRelayNoCancel works on the taken-over connection in the handler
// itself: the request's context no longer ends when the client leaves.
// Quiet.
func serveRelayNoCancel(w http.ResponseWriter, r *http.Request) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err != nil {
		return
	}
	relay(conn, context.Background())
}

// Twin: the same handshake on a connection the handler did not take over
// still cuts the request's cancellation.
func serveHandshakeNoHijack(w http.ResponseWriter, r *http.Request, raw net.Conn, cfg *tls.Config) {
	conn := tls.Server(raw, cfg)
	_ = conn.HandshakeContext(context.Background()) // want `\[ctx-background\] context.Background\(\) drops the request's`
}
