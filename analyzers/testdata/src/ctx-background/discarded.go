package ctxbackground

import (
	"context"
	"net/http"
)

// A fresh root handed to a function of this package that never reads its
// context cuts nothing: there is nothing to cancel. Quiet; the twin hands
// it to a function that does use the context, and is still reported.

type entry struct{ body []byte }

func (e *entry) verify(_ context.Context) error { return nil }

func (e *entry) parse(context.Context) error { return nil }

func (e *entry) check(ctx context.Context, strict bool) error {
	if strict {
		return nil
	}
	return nil
}

func (e *entry) fetch(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://example.com", nil)
	if err != nil {
		return err
	}
	_, err = http.DefaultClient.Do(req)
	return err
}

func quietCalleeIgnoresCtx(w http.ResponseWriter, r *http.Request) {
	e := &entry{}
	_ = e.verify(context.Background())
	_ = e.parse(context.Background())
	_ = e.check(context.Background(), true)
}

func usedCtx(w http.ResponseWriter, r *http.Request) {
	e := &entry{}
	_ = e.fetch(context.Background()) // want `\[ctx-background\] context.Background\(\) drops the request's`
}

// A fresh root as the default of an optional context factory: the caller
// may supply a context of their own, and the fresh root is what the
// option documents when none is given. Quiet; the twin picks a fresh
// root on a test that is not about a context factory, and is reported.

type worker struct {
	detach    bool
	detachCtx func() context.Context
	limit     func() int
}

func (w *worker) quietDefaultOfNilFunc(ctx context.Context) {
	hctx := ctx
	if w.detach {
		if w.detachCtx == nil {
			hctx = context.Background()
		} else {
			hctx = w.detachCtx()
		}
	}
	_ = hctx
	base := w.detachCtx
	if base == nil {
		base = func() context.Context { return context.Background() }
	}
	_ = base
}

func (w *worker) runLimited(ctx context.Context) {
	hctx := ctx
	if w.limit == nil {
		hctx = context.Background() // want `\[ctx-background\] context.Background\(\) drops hctx.s`
	}
	_ = hctx
}
