// Command concurrency accepts jobs over HTTP: the production-ready
// version, with one limited database pool and a bounded fan-out.
package main

import (
	"context"
	"database/sql"
	"errors"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"golang.org/x/sync/errgroup"
)

// maxParallelJobs bounds the goroutines one request may run at once.
const maxParallelJobs = 8

type app struct {
	db *sql.DB
}

// process handles one job.
func process(ctx context.Context, job string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	log.Printf("processed job %q", job)
	return nil
}

// enqueue uses the shared pool and runs the jobs with a bounded errgroup.
func (a *app) enqueue(w http.ResponseWriter, r *http.Request) {
	if err := a.db.PingContext(r.Context()); err != nil {
		http.Error(w, "database unavailable", http.StatusServiceUnavailable)
		return
	}
	g, ctx := errgroup.WithContext(r.Context())
	g.SetLimit(maxParallelJobs)
	for _, j := range r.URL.Query()["job"] {
		g.Go(func() error { return process(ctx, j) })
	}
	if err := g.Wait(); err != nil {
		http.Error(w, "job failed", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusOK)
}

func main() {
	db, err := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	db.SetMaxOpenConns(25)
	db.SetMaxIdleConns(25)
	db.SetConnMaxLifetime(5 * time.Minute)

	a := &app{db: db}
	mux := http.NewServeMux()
	mux.HandleFunc("/enqueue", a.enqueue)
	srv := &http.Server{
		Addr:              ":8080",
		Handler:           mux,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	serve(srv)
	if err := db.Close(); err != nil {
		log.Print(err)
	}
}

// serve runs srv until SIGINT or SIGTERM, then drains in-flight requests.
func serve(srv *http.Server) {
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	go func() {
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()
	<-stop
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		log.Print(err)
	}
}
