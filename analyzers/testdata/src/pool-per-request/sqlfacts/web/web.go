// Package web calls the db package's openers from handlers and loops.
package web

import (
	"net/http"

	"pool-per-request/sqlfacts/db"
)

func users(w http.ResponseWriter, r *http.Request) {
	pool, err := db.Connect(r.URL.Query().Get("dsn")) // want `\[pool-per-request\] db.Connect \(which opens a new \*sql.DB on every call\) in an http handler builds a new connection pool per request`
	if err != nil {
		return
	}
	defer pool.Close()
}

func tenants(w http.ResponseWriter, r *http.Request) {
	pool, _ := db.ConnectFor(r.Header.Get("X-Tenant")) // want `\[pool-per-request\] db.ConnectFor \(which opens a new \*sql.DB on every call\) in an http handler`
	defer pool.Close()
}

// shared is the quiet twin: the pool it gets is the process's one.
func shared(w http.ResponseWriter, r *http.Request) {
	db.Shared().Ping()
}

func eachTenant(names []string) {
	for _, name := range names {
		pool, _ := db.ConnectFor(name) // want `\[pool-per-request\] db.ConnectFor \(which opens a new \*sql.DB on every call\) in a loop builds a new connection pool per iteration`
		pool.Close()
	}
}

// Server opens its pool once, at startup: the quiet twin of users.
type Server struct{ pool interface{ Close() error } }

// NewServer is not a handler and has no loop.
func NewServer(dsn string) (*Server, error) {
	pool, err := db.Connect(dsn)
	if err != nil {
		return nil, err
	}
	return &Server{pool: pool}, nil
}
