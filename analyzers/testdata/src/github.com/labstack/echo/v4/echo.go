// Package echo is a stub of github.com/labstack/echo/v4 for the analyzers' tests.
package echo

import "net/http"

// Context carries a request and its response.
type Context interface {
	Request() *http.Request
}

// HandlerFunc is an echo handler.
type HandlerFunc func(Context) error
