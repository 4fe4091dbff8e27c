// Package handlers serves requests and calls svc with the request's
// context, which has no deadline.
package handlers

import (
	"context"
	"net/http"
	"time"

	"http-timeout/reqctx/svc"
	"http-timeout/reqctx/web"
)

type key struct{}

func login(w http.ResponseWriter, r *http.Request) {
	svc.Verify(r.Context(), "t") // want `\[http-timeout\] svc.Verify sends a request through http.DefaultClient, which has no timeout, bounded only by the context it is given, and r.Context\(\) is a request's context, which has no deadline`
	ctx := context.WithValue(r.Context(), key{}, "v")
	svc.Lookup(ctx, "id") // want `\[http-timeout\] svc.Lookup sends a request through an http.Client without a timeout, bounded only by the context it is given, and ctx is a request's context`

	// Twins: a deadline added here; a client with a Timeout.
	tctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
	defer cancel()
	svc.Verify(tctx, "t")
	svc.VerifyTimed(r.Context(), "t")
}

// captcha is given the framework's context, whose Deadline is the
// request context's.
func captcha(ctx *web.Context) {
	svc.Verify(ctx, "t") // want `\[http-timeout\] svc.Verify sends a request .* and ctx is a request's context`
}

func check(ctx context.Context) error {
	_, err := svc.Verify(ctx, "t")
	return err
}

// A handler calling a helper of its own package that passes the context on.
var _ = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	check(r.Context()) // want `\[http-timeout\] check sends a request`
})

// Twins: contexts of unknown origin.
func job(j *web.Job) {
	svc.Verify(j, "t") // a job's context: set from any context
}

func timedCtx(t *web.Timed) {
	svc.Verify(t, "t") // set from a request's context in one place, with a deadline in another
}

func unknown(ctx context.Context) {
	svc.Verify(ctx, "t") // the caller's context: its deadline is the caller's to set
}

func outgoing(r *http.Request) {
	svc.Verify(r.Context(), "t") // a request this function was given, not by a server: unknown
}
