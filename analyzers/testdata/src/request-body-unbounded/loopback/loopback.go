// Package loopback serves handlers on routers reachable only from the same
// host, a child process's server for its parent (quiet), and on routers
// that remote clients can reach too (reported).
package loopback

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
)

type runner struct{}

// quietLoopbackOnlyRouter is registered only on a router served by an
// http.Server on a listener bound to 127.0.0.1.
func (s *runner) quietLoopbackOnlyRouter(w http.ResponseWriter, r *http.Request) {
	var req map[string]any
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
	}
}

// embed is registered on a router served by http.ListenAndServe on a
// loopback address, through a wrapper: quiet.
func embed(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	w.Write(b)
}

// Execute runs the child server for its parent process.
func Execute(port int) error {
	s := &runner{}
	addr := "127.0.0.1:" + strconv.Itoa(port)
	listener, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	defer listener.Close()
	mux := http.NewServeMux()
	mux.HandleFunc("/completion", s.quietLoopbackOnlyRouter)
	srv := http.Server{Handler: mux}
	defer srv.Close()

	other := http.NewServeMux()
	other.HandleFunc("/embedding", embed)
	logged := logRequests(other)
	go http.ListenAndServe("localhost:"+strconv.Itoa(port+1), logged)

	return srv.Serve(listener)
}

func logRequests(h http.Handler) http.Handler { return h }

// public is registered on a router served on every interface: reported.
func (s *runner) public(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body) // want `\[request-body-unbounded\] io.ReadAll\(r.Body\) reads the whole request body`
	w.Write(b)
}

// both is registered on the loopback router and on a public one: reported.
func (s *runner) both(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body) // want `\[request-body-unbounded\] io.ReadAll\(r.Body\) reads the whole request body`
	w.Write(b)
}

// handed is registered on a router whose server literal sets a loopback
// Addr (built by fmt.Sprintf from a loopback host and a port) and is
// handed to a function of the package; the package serves servers with
// Serve only on loopback listeners, never sets Addr later and hands no
// server to another package, so the server can only listen on its
// loopback Addr: quiet.
func (s *runner) handed(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	w.Write(b)
}

// Exported is registered on a loopback router, but another package may
// register it on a public server: reported.
func (s *runner) Exported(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body) // want `\[request-body-unbounded\] io.ReadAll\(r.Body\) reads the whole request body`
	w.Write(b)
}

// flagged is served on a listener whose address comes from a flag that
// only defaults to loopback: reported.
func (s *runner) flagged(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body) // want `\[request-body-unbounded\] io.ReadAll\(r.Body\) reads the whole request body`
	w.Write(b)
}

// delegated is registered on a loopback router that a public handler
// also delegates to: reported.
func (s *runner) delegated(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body) // want `\[request-body-unbounded\] io.ReadAll\(r.Body\) reads the whole request body`
	w.Write(b)
}

var listenAddr = flag.String("listen", "127.0.0.1:8080", "listen address")

func serveOthers(s *runner, port int) error {
	open := http.NewServeMux()
	open.HandleFunc("/public", s.public)
	open.HandleFunc("/both", s.both)
	go http.ListenAndServe(":"+strconv.Itoa(port), open)

	local := http.NewServeMux()
	local.HandleFunc("/both", s.both)
	local.HandleFunc("/exported", s.Exported)
	go http.ListenAndServe("127.0.0.1:"+strconv.Itoa(port), local)

	handedMux := http.NewServeMux()
	handedMux.HandleFunc("/handed", s.handed)
	handedSrv := &http.Server{Handler: handedMux, Addr: fmt.Sprintf("localhost:%d", port)}
	start(handedSrv)

	flagMux := http.NewServeMux()
	flagMux.HandleFunc("/flagged", s.flagged)
	ln, err := net.Listen("tcp", *listenAddr)
	if err != nil {
		return err
	}
	go http.Serve(ln, flagMux)

	inner := http.NewServeMux()
	inner.HandleFunc("/delegated", s.delegated)
	go http.ListenAndServe("127.0.0.1:9001", inner)
	go http.ListenAndServe(":9002", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		inner.ServeHTTP(w, r)
	}))
	return nil
}

func start(srv *http.Server) { go srv.ListenAndServe() }
