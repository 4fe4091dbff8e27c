// Package gin is a stub of github.com/gin-gonic/gin for the analyzers' tests.
package gin

import (
	"net/http"
	"time"
)

// Context carries a request and its response.
type Context struct {
	Request *http.Request
}

// Deadline is the request context's (none, unless a middleware adds one).
func (c *Context) Deadline() (time.Time, bool) { return c.Request.Context().Deadline() }

// Done is the request context's.
func (c *Context) Done() <-chan struct{} { return c.Request.Context().Done() }

// Err is the request context's.
func (c *Context) Err() error { return c.Request.Context().Err() }

// Value looks up a key.
func (c *Context) Value(key any) any { return c.Request.Context().Value(key) }

// HandlerFunc is a gin handler.
type HandlerFunc func(*Context)
