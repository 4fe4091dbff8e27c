// Package db builds the SQL pools of the sqlfacts fixture: one opener
// builds a new pool per call, one hands out a shared pool.
package db

import (
	"database/sql"
	"sync"
)

// Connect opens a new pool on every call.
func Connect(dsn string) (*sql.DB, error) {
	pool, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	pool.SetMaxOpenConns(10)
	return pool, nil
}

// ConnectFor opens through Connect.
func ConnectFor(tenant string) (*sql.DB, error) { return Connect("postgres:///" + tenant) }

var (
	once   sync.Once
	shared *sql.DB
)

// Shared returns the one pool of the process.
func Shared() *sql.DB {
	once.Do(func() { shared, _ = sql.Open("postgres", "") })
	return shared
}
