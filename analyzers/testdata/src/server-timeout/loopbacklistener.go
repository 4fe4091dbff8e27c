package servertimeout

import (
	"fmt"
	"net"
	"net/http"
	"strconv"
	"time"
)

const localHost = "127.0.0.1"

// ttlListener wraps a listener, as a package's own wrappers do.
type ttlListener struct{ net.Listener }

func wrapListener(l net.Listener, ttl int) net.Listener { return &ttlListener{l} }

type endpoint struct {
	srv  *http.Server
	port int
}

type publicEndpoint struct {
	srv  *http.Server
	port int
}

// The server has no Addr and is served only on a listener opened on a
// constant loopback host and wrapped by a function of the package: remote
// clients cannot reach it.
func quietLoopbackListener(port int) error {
	e := &endpoint{port: port}
	e.srv = &http.Server{}
	ln, err := net.Listen("tcp", fmt.Sprintf("%s:%d", localHost, e.port))
	if err != nil {
		return err
	}
	ln = wrapListener(ln, 1)
	return e.srv.Serve(ln)
}

// Twin: the same server on a listener whose host is a parameter.
func loopbackListenerTwin(host string, port int) error {
	e := &publicEndpoint{port: port}
	e.srv = &http.Server{ReadTimeout: 0} // want `\[server-timeout\] http.Server has neither`
	ln, err := net.Listen("tcp", fmt.Sprintf("%s:%d", host, e.port))
	if err != nil {
		return err
	}
	ln = wrapListener(ln, 1)
	return e.srv.Serve(ln)
}

// Quiet: JoinHostPort with the constant loopback host.
func joinedLoopbackListener(port string) error {
	srv := &http.Server{Handler: http.NotFoundHandler()}
	ln, err := net.Listen("tcp", net.JoinHostPort("localhost", port))
	if err != nil {
		return err
	}
	return srv.Serve(ln)
}

// Twin: served on a loopback listener, but also by ListenAndServe on an
// address of its own.
func alsoListensTwin(port string, public bool) error {
	srv := &http.Server{Handler: http.NotFoundHandler(), IdleTimeout: time.Minute} // want `\[server-timeout\] http.Server has neither`
	if public {
		srv.Addr = ":" + port
		return srv.ListenAndServe()
	}
	ln, err := net.Listen("tcp", net.JoinHostPort("localhost", port))
	if err != nil {
		return err
	}
	return srv.Serve(ln)
}

// Quiet: the address is a local variable defined once as a constant
// loopback host concatenated with a port, and the server value is served
// only on the listener opened there.
func concatLoopbackListener(port int) error {
	addr := "127.0.0.1:" + strconv.Itoa(port)
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := http.Server{Handler: http.NotFoundHandler()}
	return srv.Serve(ln)
}

// Quiet: the same with the concatenation inline and an IPv6 loopback host.
func concatLoopbackInline(port string) error {
	ln, err := net.Listen("tcp", "[::1]:"+port)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: http.NotFoundHandler()}
	return srv.Serve(ln)
}

// Quiet: an Addr built from a constant loopback host and a port.
func concatLoopbackAddr(port string) error {
	srv := &http.Server{Addr: "localhost:" + port, Handler: http.NotFoundHandler()}
	return srv.ListenAndServe()
}

// Twin: the host of the concatenation is a parameter.
func concatListenerTwin(host string, port int) error {
	addr := host + ":" + strconv.Itoa(port)
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := http.Server{Handler: http.NotFoundHandler()} // want `\[server-timeout\] http.Server has neither`
	return srv.Serve(ln)
}

// Twin: the loopback address variable is reassigned to every interface.
func reassignedAddrTwin(port int, public bool) error {
	addr := "127.0.0.1:" + strconv.Itoa(port)
	if public {
		addr = ":" + strconv.Itoa(port)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := http.Server{Handler: http.NotFoundHandler()} // want `\[server-timeout\] http.Server has neither`
	return srv.Serve(ln)
}

// Twin: a constant prefix that is only part of the host.
func partialHostTwin(last string) error {
	srv := &http.Server{Addr: "127.0.0." + last + ":8080", Handler: http.NotFoundHandler()} // want `\[server-timeout\] http.Server has neither`
	return srv.ListenAndServe()
}

// Quiet: the Addr is built by fmt.Sprintf from a constant IPv6 loopback
// host and a port.
func sprintfIPv6Loopback(port int) error {
	srv := &http.Server{Addr: fmt.Sprintf("[::1]:%d", port), Handler: http.NotFoundHandler()}
	return srv.ListenAndServe()
}

// Twin: the host of the format is a verb, filled by a parameter.
func sprintfHostTwin(host string, port int) error {
	srv := &http.Server{Addr: fmt.Sprintf("[%s]:%d", host, port), Handler: http.NotFoundHandler()} // want `\[server-timeout\] http.Server has neither`
	return srv.ListenAndServe()
}
