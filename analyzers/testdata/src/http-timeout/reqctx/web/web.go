// Package web is a small web framework of the module: its Context embeds
// the request's context, so its deadline is the request's, which is none.
package web

import (
	"context"
	"net/http"
)

// RequestContext is a context with the request's data.
type RequestContext interface {
	context.Context
	Data() map[string]any
}

type reqCtx struct {
	context.Context
	data map[string]any
}

func (c *reqCtx) Data() map[string]any { return c.data }

// FromContext returns ctx as a RequestContext, wrapping it when needed.
func FromContext(ctx context.Context) RequestContext {
	if rc, ok := ctx.(RequestContext); ok {
		return rc
	}
	return &reqCtx{Context: ctx, data: map[string]any{}}
}

// Base holds the request and its context.
type Base struct {
	RequestContext
	Req *http.Request
}

// NewBase is called by the framework's handler for every request.
func NewBase(w http.ResponseWriter, r *http.Request) *Base {
	rc := FromContext(r.Context())
	return &Base{RequestContext: rc, Req: r}
}

// Context is what the module's handlers are given.
type Context struct {
	*Base
	User string
}

// Job is a context of a background job: made from any context, so its
// deadline is unknown.
type Job struct {
	context.Context
	Name string
}

// NewJob makes a job on the caller's context.
func NewJob(ctx context.Context, name string) *Job {
	return &Job{Context: ctx, Name: name}
}

// Timed is a context type whose field is given a request's context in one
// place and a context with a deadline in another: unknown.
type Timed struct {
	context.Context
}

// NewTimed is called by a handler.
func NewTimed(w http.ResponseWriter, r *http.Request) *Timed {
	return &Timed{Context: r.Context()}
}

// WithBudget bounds the context.
func WithBudget(ctx context.Context) (*Timed, context.CancelFunc) {
	c, cancel := context.WithTimeout(ctx, 5e9)
	return &Timed{Context: c}, cancel
}
