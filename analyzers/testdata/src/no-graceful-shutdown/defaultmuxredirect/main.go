// Package main serves the profiling pages on the DefaultServeMux from a go
// statement, with "/" sent on to them: a profiling listener, nothing in
// flight to drain.
package main

import (
	"context"
	"log"
	"net/http"
	_ "net/http/pprof"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	if addr := os.Getenv("PROFILE_ADDR"); addr != "" {
		go func() {
			toProfiles := http.RedirectHandler("/debug/pprof", http.StatusSeeOther)
			http.Handle("/", toProfiles)
			log.Println(http.ListenAndServe(addr, nil))
		}()
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
}
