package h

import (
	"context"
	"net/http"
)

// RequestContext is a web framework's context interface.
type RequestContext interface {
	context.Context
	Data() map[string]any
}

type reqCtx struct {
	context.Context
	data map[string]any
}

func (c *reqCtx) Data() map[string]any { return c.data }

// FromContext returns ctx, asserted or wrapped: the caller's context.
func FromContext(ctx context.Context) RequestContext { // want FromContext:"returns the context of parameter 0"
	if rc, ok := ctx.(RequestContext); ok {
		return rc
	}
	if ctx == nil {
		return nil
	}
	return &reqCtx{Context: ctx, data: map[string]any{}}
}

// Detached returns a context of its own: no fact.
func Detached(ctx context.Context) context.Context {
	return context.WithoutCancel(context.Background())
}

// Base is set only from a handler's request: its context field holds a
// request's context.
type Base struct {
	RequestContext // want RequestContext:"holds a request's context"
	Req            *http.Request
}

// NewBase is called per request.
func NewBase(w http.ResponseWriter, r *http.Request) *Base {
	return &Base{RequestContext: FromContext(r.Context()), Req: r}
}

// Job is also set from a context parameter: no fact.
type Job struct {
	context.Context
}

// NewJob makes a job.
func NewJob(w http.ResponseWriter, r *http.Request) *Job { return &Job{Context: r.Context()} }

// Background makes a job on no request.
func Background() *Job { return &Job{Context: context.Background()} }
