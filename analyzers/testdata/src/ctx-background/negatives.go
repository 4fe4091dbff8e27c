package ctxbackground

import (
	"context"
	"net/http"
	"time"
)

// Package-level roots have no caller to propagate from.
var root = context.Background()

func init() {
	_ = work(context.Background())
}

// No context in scope: a CLI entry point or a library root.
func run() error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	return work(ctx)
}

// No context in scope: nothing to propagate, whatever the work does.
func quietNoCtxInScope(name string) error {
	ctx, cancel := context.WithTimeout(context.TODO(), time.Minute)
	defer cancel()
	return context.Cause(ctx)
}

// context.WithoutCancel keeps the caller's values and detaches on
// purpose: it is not a fresh root.
func quietWithoutCancel(ctx context.Context) error {
	return work(context.WithoutCancel(ctx))
}

// A nil guard rebinds the parameter deliberately.
func quietRebindsCtxName(ctx context.Context) error {
	if ctx == nil {
		ctx = context.Background()
	}
	return work(ctx)
}

// Rebinding the ctx name to a fresh root is a visible, deliberate detach.
func deliberateShadow(ctx context.Context) {
	go func() {
		ctx := context.Background()
		_ = work(ctx)
		_ = work(context.TODO())
	}()
}

// A context the function chose not to name is not in scope.
func blankParam(_ context.Context) error {
	return work(context.Background())
}

func unnamedParam(context.Context, *http.Request) error {
	return work(context.Background())
}

// Graceful shutdown after the ctx is over needs a live context.
func serve(ctx context.Context, srv *http.Server) error {
	<-ctx.Done()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return srv.Shutdown(shutdownCtx)
}

func loop(ctx context.Context, jobs <-chan string) {
	for {
		select {
		case <-ctx.Done():
			_ = work(context.Background())
			return
		case <-jobs:
		}
	}
}

func quietAfterDone(w http.ResponseWriter, r *http.Request) {
	if err := r.Context().Err(); err != nil {
		_ = work(context.Background())
	}
}

// The recommended idiom for work that outlives the request.
func detachedProperly(ctx context.Context) {
	go func() {
		_ = work(context.WithoutCancel(ctx))
	}()
}

// A parameter named ctx shadowed by something that is not a context.
func shadowedByOther(ctx context.Context) error {
	{
		ctx := "request-id"
		_ = ctx
		return work(context.Background())
	}
}

// Using the ctx in scope.
func propagates(ctx context.Context, r *http.Request) error {
	if err := work(ctx); err != nil {
		return err
	}
	return work(r.Context())
}

// A long-lived object's own context must not end with its constructor's
// caller.
type poller struct {
	ctx    context.Context
	cancel context.CancelFunc
	stop   context.CancelFunc
}

func quietStoredInField(ctx context.Context) *poller {
	p := &poller{}
	p.ctx, p.cancel = context.WithCancel(context.Background())
	return p
}

func newPollerLiteral(ctx context.Context) *poller {
	bg, stop := context.WithCancel(ctx)
	return &poller{ctx: context.Background(), cancel: stop, stop: func() { _ = bg }}
}

// From alertmanager tracing/tracing.go:212: a shutdown function returned to
// the caller runs after this call is over; the setup ctx does not govern it.
func quietInReturnedFunc(ctx context.Context) (func() error, error) {
	if err := work(ctx); err != nil {
		return nil, err
	}
	return func() error {
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		return work(sctx)
	}, nil
}

// From alertmanager app/app.go:85: deferred cleanup runs as the function
// ends, typically because ctx is over; it must not inherit that
// cancellation.
func quietDeferred(ctx context.Context) error {
	defer func() { _ = work(context.Background()) }()
	defer work(context.TODO())
	<-ctx.Done()
	return nil
}

// From pocketbase core/field_file.go:627: the fresh context is only reached
// once ctx is over.
func newContextIfInvalid(ctx context.Context) context.Context {
	if ctx.Err() == nil {
		return ctx
	}
	return context.Background()
}

func liveElse(ctx context.Context) error {
	if err := ctx.Err(); err == nil {
		return work(ctx)
	} else {
		return work(context.Background())
	}
}

// From pocketbase tools/filesystem/internal/s3blob/s3/uploader.go:233: a
// copy of ctx is tested and replaced for the cleanup request.
func abort(ctx context.Context) error {
	var abortCtx = ctx
	if abortCtx.Err() != nil {
		abortCtx = context.Background()
	}
	return work(abortCtx)
}

// The twin of the quiet forms above: a fresh root in the middle of a
// function that has a ctx, none of those forms, is reported.
func negativesTwin(ctx context.Context) error {
	return work(context.Background()) // want `\[ctx-background\] context.Background\(\) drops ctx's cancellation`
}
