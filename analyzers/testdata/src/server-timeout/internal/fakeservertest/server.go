// Package fakeservertest is a fake server that tests start, named by Go's
// convention for test-helper packages (httptest, iotest).
package fakeservertest

import (
	"net"
	"net/http"
)

// Safe twin: a fake server for tests, not a deployed service.
func New(addr string, h http.Handler) (net.Listener, error) {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	go http.Serve(l, h)
	return l, nil
}
