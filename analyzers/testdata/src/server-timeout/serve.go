package servertimeout

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
)

func serveTCP(mux http.Handler) error {
	ln, err := net.Listen("tcp", ":8080")
	if err != nil {
		return err
	}
	return http.Serve(ln, mux) // want `\[server-timeout\] http.Serve serves the TCP listener ln with an http.Server that has no timeouts: a client that sends its headers slowly or not at all holds a connection and a goroutine forever, and enough of them starve the server; serve ln through an http.Server with ReadHeaderTimeout set \(srv.Serve\(ln…\)\)`
}

func serveTLSWrapped(addr string, cfg *tls.Config, mux http.Handler) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	ln = tls.NewListener(ln, cfg)
	return http.Serve(ln, mux) // want `\[server-timeout\] http.Serve serves the TCP listener ln`
}

func serveTLSFiles(addr string, mux http.Handler) error {
	var lc net.ListenConfig
	ln, err := lc.Listen(context.Background(), "tcp4", addr)
	if err != nil {
		return err
	}
	return http.ServeTLS(ln, mux, "cert.pem", "key.pem") // want `\[server-timeout\] http.ServeTLS serves the TCP listener ln`
}

type tcpServer struct {
	ln  net.Listener
	mux http.Handler
}

func (s *tcpServer) open(addr string) (err error) {
	s.ln, err = net.Listen("tcp", addr)
	return err
}

func (s *tcpServer) run() error {
	return http.Serve(s.ln, s.mux) // want `\[server-timeout\] http.Serve serves the TCP listener s.ln`
}

func serveTCPListener(mux http.Handler) error {
	tl, err := net.ListenTCP("tcp", &net.TCPAddr{Port: 8080})
	if err != nil {
		return err
	}
	return http.Serve(tl, mux) // want `\[server-timeout\] http.Serve serves the TCP listener tl`
}

// Safe twin: the production-ready form.
func serveWithServer(mux http.Handler) error {
	ln, err := net.Listen("tcp", ":8080")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: readHeaderTimeout}
	return srv.Serve(ln)
}

// Safe twin: a unix socket is reached by local processes only.
func serveUnix(path string, mux http.Handler) error {
	ln, err := net.Listen("unix", path)
	if err != nil {
		return err
	}
	return http.Serve(ln, mux)
}

// Safe twin: a constant loopback address is unreachable by remote clients.
func serveLoopback(mux http.Handler) error {
	ln, err := net.Listen("tcp", "127.0.0.1:6060")
	if err != nil {
		return err
	}
	return http.Serve(ln, mux)
}

// Safe twin: the network comes from configuration (it may be "unix").
func serveConfiguredNetwork(network, addr string, mux http.Handler) error {
	ln, err := net.Listen(network, addr)
	if err != nil {
		return err
	}
	return http.Serve(ln, mux)
}

// Safe twin: a listener handed in by the caller, whose origin the
// package does not show.
func serveGiven(ln net.Listener, mux http.Handler) error {
	return http.Serve(ln, mux)
}

// Safe twin: one path opens a unix socket, so the listener may not be TCP.
func serveEither(unixPath string, mux http.Handler) error {
	var ln net.Listener
	var err error
	if unixPath != "" {
		ln, err = net.Listen("unix", unixPath)
	} else {
		ln, err = net.Listen("tcp", ":8080")
	}
	if err != nil {
		return err
	}
	return http.Serve(ln, mux)
}

// Safe twin: a field set from a parameter elsewhere in the package.
type givenServer struct{ ln net.Listener }

func newGivenServer(ln net.Listener) *givenServer { return &givenServer{ln: ln} }

func (s *givenServer) run(mux http.Handler) error { return http.Serve(s.ln, mux) }

// A listener field left nil in the constructor's literal and opened later.
type lateServer struct{ ln net.Listener }

func newLateServer() *lateServer { return &lateServer{ln: nil} }

func (s *lateServer) listen() (err error) {
	s.ln, err = net.Listen("tcp", ":8443")
	return err
}

func (s *lateServer) run(mux http.Handler) error {
	return http.Serve(s.ln, mux) // want `\[server-timeout\] http.Serve serves the TCP listener s.ln`
}

// Safe twin: only ever nil in the package (set by a caller elsewhere).
type nilServer struct{ ln net.Listener }

func newNilServer() *nilServer { return &nilServer{ln: nil} }

func (s *nilServer) run(mux http.Handler) error { return http.Serve(s.ln, mux) }
