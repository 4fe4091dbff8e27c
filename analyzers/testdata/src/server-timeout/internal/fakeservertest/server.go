// Package fakeservertest starts servers for a caller in the same process.
// Its name is no reason to stay quiet: what decides is the address.
package fakeservertest

import (
	"net"
	"net/http"
)

// Safe: with no address the server takes any free loopback port, which
// only its caller learns from the listener (a fake server a test starts).
func New(addr string, h http.Handler) (net.Listener, error) {
	if addr == "" {
		addr = "localhost:0"
	}
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	go http.Serve(l, h)
	return l, nil
}

// Twin: the fallback is a fixed port on every interface, which any client
// can reach.
func NewPublic(addr string, h http.Handler) (net.Listener, error) {
	if addr == "" {
		addr = ":8080"
	}
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	go http.Serve(l, h) // want `\[server-timeout\] http.Serve serves the TCP listener l`
	return l, nil
}

// Twin: a fixed loopback port is a fallback operators expose by passing
// another address; only port 0 says the caller is the process itself.
func NewFixedLoopback(addr string, h http.Handler) (net.Listener, error) {
	if addr == "" {
		addr = "127.0.0.1:9000"
	}
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	go http.Serve(l, h) // want `\[server-timeout\] http.Serve serves the TCP listener l`
	return l, nil
}

// Safe: a listener on a port picked at run time, announced to whoever
// reads the log (a debug listener).
func NewAnyPort(h http.Handler) (net.Listener, error) {
	l, err := net.Listen("tcp", ":0")
	if err != nil {
		return nil, err
	}
	go http.Serve(l, h)
	return l, nil
}
