// Package main shuts its server down on SIGTERM but also serves through
// http.ListenAndServe, which has no server to shut down: reported. The
// debug listener on a loopback address stays quiet.
package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: ":8080", Handler: http.NewServeMux(), ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 25*time.Second)
		defer cancel()
		if err := srv.Shutdown(shutdownCtx); err != nil {
			log.Print(err)
		}
	}()
	go http.ListenAndServe("localhost:6060", nil)
	go http.ListenAndServe(":9090", http.NewServeMux()) // want `\[no-graceful-shutdown\] http.ListenAndServe serves HTTP with no http.Server to shut down`
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
}
