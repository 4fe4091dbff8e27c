package servertimeout

import (
	"net"
	"net/http"
)

// Quiet forms of server-timeout decided while collecting the listeners
// http.Serve serves (rule.FixtureFunc), beside the reported twins of
// serve.go.

func quietNonTcpListener(path string, mux http.Handler) error {
	ln, err := net.Listen("unix", path)
	if err != nil {
		return err
	}
	return http.Serve(ln, mux)
}

func quietPortZeroListener(mux http.Handler) error {
	ln, err := net.Listen("tcp", ":0")
	if err != nil {
		return err
	}
	return http.Serve(ln, mux)
}
