package ctxbackground

import (
	"context"
	"net/http"
	"os"

	"go.opentelemetry.io/otel/propagation"
)

// From caddy admin.go:1178: the admin /stop handler ends the process.
// Stopping must outlive the request that asked for it: finishing that
// request is part of the shutdown.
func quietEndsProcess(w http.ResponseWriter, r *http.Request) {
	exitProcess(context.Background())
}

func exitProcess(ctx context.Context) {
	stopApps(ctx)
	go func() {
		defer os.Exit(0)
		stopAdminServer()
	}()
}

func stopApps(ctx context.Context) {}

func stopAdminServer() {}

// The twin: a function that only stops the apps, in a handler, is work
// the request's cancellation should reach.
func handleReload(w http.ResponseWriter, r *http.Request) {
	stopApps(context.Background()) // want `\[ctx-background\] context.Background\(\) drops the request's cancellation`
}

type alert struct {
	header map[string]string
}

func processAlert(ctx context.Context, a alert) {}

// From alertmanager quietCarriesTrace/quietCarriesTrace.go:101: each alert gets a trace root
// extracted from its own headers; the loop's ctx only ends the loop.
func quietCarriesTrace(ctx context.Context, prop propagation.TextMapPropagator, alerts <-chan alert) {
	for {
		select {
		case <-ctx.Done():
			return
		case a := <-alerts:
			traceCtx := context.Background()
			if a.header != nil {
				traceCtx = prop.Extract(traceCtx, propagation.MapCarrier(a.header))
			}
			processAlert(traceCtx, a)
		}
	}
}

func consume(ctx context.Context, alerts <-chan alert) {
	for a := range alerts {
		processAlert(propagation.TraceContext{}.Extract(context.Background(), propagation.MapCarrier(a.header)), a)
	}
}

// The twin: a fresh root that is injected into, not extracted into, is the
// caller's work with its cancellation cut off.
func forward(ctx context.Context, prop propagation.TextMapPropagator, a alert) {
	out := context.Background() // want `\[ctx-background\] context.Background\(\) drops ctx's cancellation`
	prop.Inject(out, propagation.MapCarrier(a.header))
	processAlert(out, a)
}

type manager struct{}

func (manager) RunAtShutdown(ctx context.Context, hook func())               {}
func (manager) Retry(ctx context.Context, op func() error) error             { _ = ctx; return op() }
func (manager) RunWithContext(ctx context.Context, fn func(context.Context)) {}

// From gitea services/cron/cron.go:50: the context given with a shutdown
// hook only decides whether the hook runs; the hook cannot see it.
func quietRegistersHook(original context.Context, m manager, stop func()) {
	m.RunAtShutdown(context.Background(), func() {
		stop()
	})
	m.RunAtShutdown(context.Background(), stop)
	var _ = context.AfterFunc(context.Background(), stop)
}

// The twins: an operation retried under the context, and a callback that
// receives it, are the caller's work.
func retried(ctx context.Context, m manager, op func() error) error {
	m.RunWithContext(context.Background(), func(context.Context) {}) // want `\[ctx-background\] context.Background\(\) drops ctx's cancellation`
	return m.Retry(context.Background(), op)                         // want `\[ctx-background\] context.Background\(\) drops ctx's cancellation`
}
