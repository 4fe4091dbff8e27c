package ctxbackground

import (
	"context"
	"net"
	"net/http"
)

// After the handler takes over the connection, the request's context ends
// only when the handler returns; a fresh root cancelled by the handler's
// own defer ends at the same moment. Quiet. Before the takeover (or
// without one) the same root cuts the client's cancellation and is still
// reported.

func relay(conn net.Conn, ctx context.Context) {}

func serveRelay(w http.ResponseWriter, r *http.Request) {
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
