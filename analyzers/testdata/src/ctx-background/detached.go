package ctxbackground

import (
	"context"
	"net/http"
	"time"

	"go.opentelemetry.io/otel/trace"
)

// From trillian cmd/internal/serverutil/main.go:175: the shutdown function
// runs when ctx is over, and Shutdown needs a live context of its own.
func quietShutsDownServer(ctx context.Context, s *http.Server) {
	shutdown := func() {
		sctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		s.Shutdown(sctx)
	}
	go func() {
		<-ctx.Done()
		shutdown()
	}()
	s.ListenAndServe()
}

// The twin: a bounded fresh root for a request's own work, in the handler,
// still cuts the request's cancellation.
func queryWithOwnDeadline(w http.ResponseWriter, r *http.Request, q func(context.Context) error) {
	qctx, cancel := context.WithTimeout(context.Background(), time.Second) // want `\[ctx-background\] context.Background\(\) drops the request's cancellation`
	defer cancel()
	_ = q(qctx)
}

type quota struct{}

func (quota) PutTokens(ctx context.Context, n int) error { _ = ctx; return nil }

// From trillian server/interceptor/interceptor.go:254: detached work in a go
// statement with a deadline of its own, so that it neither blocks the RPC
// nor shares its deadline.
func quietDetachedWithOwnDeadline(ctx context.Context, qm quota, tokens int) {
	go func() {
		qctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		qm.PutTokens(qctx, tokens)
	}()
}

var tracer trace.Tracer

type cacheController struct{}

// From openfga internal/cachecontroller/cache_controller.go:243: the
// function only ever runs in a go statement, and starts a trace of its own.
func (c *cacheController) InvalidateIfNeeded(ctx context.Context, store string) {
	go func() {
		c.findChanges(ctx, store)
	}()
}

func (c *cacheController) findChanges(parentCtx context.Context, store string) {
	ctx, span := tracer.Start(context.Background(), "findChanges")
	defer span.End()
	readChangelog(ctx, store)
}

// The twin: the same function called in line is the caller's work.
func (c *cacheController) Refresh(ctx context.Context, store string) {
	c.refresh(ctx, store)
}

func (c *cacheController) refresh(parentCtx context.Context, store string) {
	ctx, span := tracer.Start(context.Background(), "refresh") // want `\[ctx-background\] context.Background\(\) drops parentCtx's cancellation`
	defer span.End()
	readChangelog(ctx, store)
}

func readChangelog(ctx context.Context, store string) {}

// From openfga pkg/server/check.go:327: a shadow check with its own
// deadline, into which the caller's trace is carried on purpose.
func shadowCheck(ctx context.Context, check func(context.Context) error) {
	original := trace.SpanContextFromContext(ctx)
	newCtx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	newCtx = trace.ContextWithSpanContext(newCtx, original)
	check(newCtx)
}

type membership struct{}

func (membership) WaitForAllReady(ctx context.Context) {}
func (membership) Sleep(ctx context.Context)           {}

// From openfga internal/listobjects/pipeline/internal/worker/basic.go:203
// and :217: the author explains, just above, why the wait must not end
// with ctx.
func execute(ctx context.Context, m membership) {
	m.WaitForAllReady(ctx)

	// When the context is canceled, WaitForAllReady should still wait for
	// all members of the cycle group. Therefore, we use context.Background here.
	m.WaitForAllReady(context.Background())

	// When the context is canceled, sleep should still wait for the upstream
	// worker to finish. Therefore, we use [context.Background] here.
	m.Sleep(context.Background())
}

// The twins: a to-do note is not an explanation, nor is a comment that
// trails the line above.
func executeLater(ctx context.Context, m membership) {
	// TODO: pass ctx instead of context.Background once the barrier supports it.
	m.WaitForAllReady(context.Background()) // want `\[ctx-background\] context.Background\(\) drops ctx's cancellation`
	m.Sleep(ctx)                            // unlike context.Background, ctx ends the sleep
	m.Sleep(context.Background())           // want `\[ctx-background\] context.Background\(\) drops ctx's cancellation`
}

// From openfga cmd/validatemodels/validate_models.go:134: the only caller
// in the package passes context.Background(), so ctx is a fresh root too.
func ValidateCommand() error {
	ctx := context.Background()
	return quietCallersPassFreshRoots(ctx)
}

func quietCallersPassFreshRoots(ctx context.Context) error {
	readChangelog(ctx, "stores")
	readChangelog(context.Background(), "models")
	return nil
}

// The twin: a function whose callers pass a live context.
func validateOne(ctx context.Context) {
	readChangelog(context.Background(), "model") // want `\[ctx-background\] context.Background\(\) drops ctx's cancellation`
}

func handleValidate(w http.ResponseWriter, r *http.Request) {
	validateOne(r.Context())
	ValidateCommand()
}

// The twin: an exported function whose only caller in the package passes a
// fresh root is called with a live ctx by other packages.
func ReadChangelogContext(ctx context.Context) {
	readChangelog(context.Background(), "stores") // want `\[ctx-background\] context.Background\(\) drops ctx's cancellation`
	readChangelog(ctx, "models")
}

func ReadChangelog() { ReadChangelogContext(context.Background()) }

// A call of a package function at package level, outside any function:
// the index of calls must not walk past the file.
var storeCount = countStores()

func countStores() int { return 1 }
