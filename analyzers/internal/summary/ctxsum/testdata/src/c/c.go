package c

import (
	"context"
	"net/http"
)

func Ignore(_ context.Context, n int) int { return n } // want Ignore:"ctxsum: ignores 0"

func Unread(ctx context.Context, n int) int { // want Unread:"ctxsum: ignores 0"
	return n + 1
}

func Pass(ctx context.Context, url string) error { // want Pass:"ctxsum: passes 0"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	_, err = http.DefaultClient.Do(req)
	return err
}

func Replace(ctx context.Context) error { // want Replace:"ctxsum: passes 0 replaces 0"
	_ = Pass(ctx, "a")
	return Pass(context.Background(), "b")
}

func Attach(ctx context.Context, req *http.Request) { // want Attach:"ctxsum: passes 0 attaches 1"
	_, _ = http.DefaultClient.Do(req.WithContext(ctx))
}

func AttachVia(req *http.Request, ctx context.Context) { // want AttachVia:"ctxsum: passes 1 attaches 0"
	Attach(ctx, req)
}

// Stub: an empty body is not a decision to ignore the context.
func Stub(ctx context.Context) {}
