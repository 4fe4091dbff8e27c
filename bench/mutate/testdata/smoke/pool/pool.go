// Package pool opens its pools the production-ready way, for the mutation
// benchmark's smoke test.
package pool

import (
	"crypto/tls"
	"database/sql"
	"fmt"
	"net/http"
)

var db *sql.DB

// Init opens the package's pool with a bound on its connections.
func Init(dsn string) error {
	d, err := sql.Open("postgres", dsn)
	if err != nil {
		return err
	}
	d.SetMaxOpenConns(10)
	db = d
	return nil
}

// Ping checks the pool.
func Ping() error { return db.Ping() }

// TLS is the configuration of the package's connections.
func TLS() *tls.Config {
	return &tls.Config{MinVersion: tls.VersionTLS12}
}

// Count serves the number of users from the shared pool.
func Count(w http.ResponseWriter, r *http.Request) {
	var n int
	if err := db.QueryRowContext(r.Context(), "SELECT count(*) FROM users").Scan(&n); err != nil {
		http.Error(w, "unavailable", http.StatusServiceUnavailable)
		return
	}
	fmt.Fprintln(w, n)
}
