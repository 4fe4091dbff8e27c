package broad

import "context"

// With go-statements = true, a fresh root in a go statement is reported
// for the values it drops, with context.WithoutCancel(ctx) as the fix.

func work(ctx context.Context) error { return ctx.Err() }

func inGoroutine(ctx context.Context) {
	go func() {
		_ = work(context.Background()) // want `\[ctx-background\] context.Background\(\) in a go statement drops the values of ctx .*; use context.WithoutCancel\(ctx\), which outlives the request but keeps its values`
	}()
}

type quota struct{}

func (quota) PutTokens(ctx context.Context, n int) error { _ = ctx; return nil }

// Detached work with neither a deadline nor a trace of its own loses the
// request's values for nothing.
func refundForever(ctx context.Context, qm quota, tokens int) {
	go func() {
		qm.PutTokens(context.Background(), tokens) // want `\[ctx-background\] context.Background\(\) in a go statement drops the values of ctx`
	}()
}

// With bounded = true, a fresh root with its own deadline is reported.
func queryWithOwnDeadline(ctx context.Context) error {
	qctx, cancel := context.WithTimeout(context.Background(), 1) // want `\[ctx-background\] context.Background\(\) drops ctx's cancellation`
	defer cancel()
	return work(qctx)
}

type store struct{}

func (store) UpdateRoom(ctx context.Context, id string) error { return ctx.Err() }

// With writes = true, a fresh root for a follow-up write is reported.
func followUp(ctx context.Context, s store) error {
	if err := work(ctx); err != nil {
		return err
	}
	return s.UpdateRoom(context.Background(), "r") // want `\[ctx-background\] context.Background\(\) drops ctx's cancellation`
}
