// Package fakeapi is a fake of a remote API for tests: it serves through an
// httptest server, so its handlers are test support, like a package that
// imports testing.
package fakeapi

import (
	"net/http"
	"net/http/httptest"
)

// Server is the fake API.
type Server struct {
	srv *httptest.Server
}

// New starts the fake API on a loopback port.
func New() *Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/post", postMessage)
	return &Server{srv: httptest.NewServer(mux)}
}

// URL is where the fake API listens.
func (s *Server) URL() string { return s.srv.URL }
