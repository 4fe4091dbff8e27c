package servertimeout

import (
	"context"
	"net"
	"net/http"
	"os"
	"path/filepath"
)

// contentProxy serves a child process over a unix socket in a work
// directory, as a tool hands a helper process its data.
type contentProxy struct {
	server *http.Server
}

// The server is served only on a unix domain socket: only processes of
// the same host can connect, so no remote client can hold its connections.
func quietUnixSocketListener(dir string) (*contentProxy, error) {
	ln, err := net.Listen("unix", filepath.Join(dir, "proxy.sock"))
	if err != nil {
		return nil, err
	}
	server := &http.Server{Handler: http.NotFoundHandler()}
	go server.Serve(ln)
	return &contentProxy{server: server}, nil
}

func (p *contentProxy) close() error { return p.server.Shutdown(context.Background()) }

// Quiet too: net.ListenUnix, and a ListenConfig on the network "unix".
func unixListenerForms(path string) error {
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: path, Net: "unix"})
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: http.NotFoundHandler()}
	go srv.Serve(ln)
	var lc net.ListenConfig
	ln2, err := lc.Listen(context.Background(), "unix", path+".2")
	if err != nil {
		return err
	}
	srv2 := &http.Server{Handler: http.NotFoundHandler()}
	return srv2.Serve(ln2)
}

// Twin: the network comes from configuration, so it may be "tcp" on a
// public address.
func unixSocketListenerTwin(network, addr string) error {
	ln, err := net.Listen(network, addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: http.NotFoundHandler()} // want `\[server-timeout\] http.Server has neither`
	return srv.Serve(ln)
}

// Twin: the same server is also served on a TCP listener.
func unixAndTCPTwin(path string) error {
	srv := &http.Server{Handler: http.NotFoundHandler()} // want `\[server-timeout\] http.Server has neither`
	ln, err := net.Listen("unix", path)
	if err != nil {
		return err
	}
	go srv.Serve(ln)
	tcp, err := net.Listen("tcp", ":8443")
	if err != nil {
		return err
	}
	defer os.Remove(path)
	return srv.Serve(tcp)
}
