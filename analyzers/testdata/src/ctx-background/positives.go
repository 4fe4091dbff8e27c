package ctxbackground

import (
	"context"
	"net/http"
	"time"
)

func work(ctx context.Context) error { return ctx.Err() }

func fetch(ctx context.Context) error {
	return work(context.Background()) // want `\[ctx-background\] context.Background\(\) drops ctx's cancellation and deadline: when the caller gives up, work keeps running and piles up; if it should stop with the caller, pass ctx; if it must outlive it \(a cleanup, a write that must complete\), use context.WithoutCancel\(ctx\) to keep its values, or say why in a comment above it`
}

func fetchTODO(ctx context.Context) error {
	return work(context.TODO()) // want `\[ctx-background\] context.TODO\(\) drops ctx's cancellation`
}

func handler(w http.ResponseWriter, r *http.Request) {
	tctx, cancel := context.WithTimeout(context.Background(), time.Second) // want `\[ctx-background\] context.Background\(\) drops the request's cancellation and deadline: .*, pass r.Context\(\); if it must outlive it .*use context.WithoutCancel\(r.Context\(\)\)`
	defer cancel()
	_ = work(tctx)
}

func closureInHandler() http.HandlerFunc {
	return func(w http.ResponseWriter, req *http.Request) {
		_ = work(context.Background()) // want `pass req.Context\(\)`
	}
}

func assignedToOtherName(ctx context.Context) error {
	bg := context.Background() // want `\[ctx-background\] context.Background\(\) drops ctx's`
	return work(bg)
}

func derivedShadow(ctx context.Context) error {
	if ctx.Value("k") != nil {
		ctx, cancel := context.WithTimeout(ctx, time.Second)
		defer cancel()
		_ = ctx
		return work(context.TODO()) // want `\[ctx-background\] context.TODO\(\) drops ctx's`
	}
	return nil
}

type service struct{}

func (s *service) Do(ctx context.Context, id string) error {
	return work(context.Background()) // want `\[ctx-background\] context.Background\(\) drops ctx's`
}

func requestWithCtx(ctx context.Context, r *http.Request) error {
	return work(context.Background()) // want `pass ctx;`
}

// The fix passes the context the function derived, keeping its deadline.
func derivedLocal(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), time.Second)
	defer cancel()
	_ = work(context.Background()) // want `\[ctx-background\] context.Background\(\) drops ctx's cancellation and deadline: .*, pass ctx;`
	_ = work(ctx)
}

// A closure called while the function runs still has the ctx's caller.
func closureCalledNow(ctx context.Context) error {
	return runNow(func() error {
		return work(context.Background()) // want `\[ctx-background\] context.Background\(\) drops ctx's`
	})
}

func runNow(f func() error) error { return f() }

// `if ctx.Err() == nil` guards code that runs while ctx is live.
func whileLive(ctx context.Context) error {
	if ctx.Err() == nil {
		return work(context.Background()) // want `\[ctx-background\] context.Background\(\) drops ctx's`
	}
	return nil
}

// The body does not leave the block: the code after it may run with ctx live.
func afterLiveCheck(ctx context.Context) error {
	if err := ctx.Err(); err == nil {
		_ = work(ctx)
	}
	return work(context.TODO()) // want `\[ctx-background\] context.TODO\(\) drops ctx's`
}

// A copy of the ctx is tested, but the fresh context is outside the test.
func aliasNotChecked(ctx context.Context) error {
	c := ctx
	if c.Err() != nil {
		return c.Err()
	}
	return work(context.Background()) // want `\[ctx-background\] context.Background\(\) drops c's`
}
