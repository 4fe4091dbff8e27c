package servertimeout

import (
	"context"
	"net"
	"net/http"
	"time"
)

// A login callback listener: its handler closes done on every call, and a
// goroutine of the same function shuts the server down once done is
// closed, so it answers one request and stops.
func quietStopsAfterFirstRequest() (string, error) {
	mux := http.NewServeMux()
	srv := http.Server{Handler: mux}
	var code string
	done := make(chan struct{})
	mux.HandleFunc("/callback", func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			close(done)
		}()
		code = r.URL.Query().Get("code")
	})
	ln, err := net.Listen("tcp", ":9876")
	if err != nil {
		return "", err
	}
	go func() {
		<-done
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
	}()
	if err := srv.Serve(ln); err != nil && err != http.ErrServerClosed {
		return "", err
	}
	return code, nil
}

// Twin: the handler closes done only when the request carries a code, so
// any other request leaves the server running.
func stopsOnSomeRequestsTwin() (string, error) {
	mux := http.NewServeMux()
	srv := http.Server{Handler: mux} // want `\[server-timeout\] http.Server has neither`
	var code string
	done := make(chan struct{})
	mux.HandleFunc("/callback", func(w http.ResponseWriter, r *http.Request) {
		if code = r.URL.Query().Get("code"); code != "" {
			close(done)
		}
	})
	ln, err := net.Listen("tcp", ":9877")
	if err != nil {
		return "", err
	}
	go func() {
		<-done
		_ = srv.Close()
	}()
	if err := srv.Serve(ln); err != nil && err != http.ErrServerClosed {
		return "", err
	}
	return code, nil
}

// Quiet too: the handler defers the close itself.
func deferredCloseStopsAfterFirstRequest() error {
	mux := http.NewServeMux()
	srv := &http.Server{Handler: mux}
	done := make(chan struct{})
	mux.HandleFunc("/callback", func(w http.ResponseWriter, r *http.Request) {
		defer close(done)
		w.WriteHeader(http.StatusNoContent)
	})
	ln, err := net.Listen("tcp", ":9878")
	if err != nil {
		return err
	}
	go func() {
		<-done
		_ = srv.Close()
	}()
	return srv.Serve(ln)
}
