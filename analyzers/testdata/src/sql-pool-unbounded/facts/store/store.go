// Package store keeps the pool it is given in an unexported field and
// only queries through it: it never limits it.
package store

import "database/sql"

// Store reads users.
type Store struct{ db *sql.DB }

// New keeps db.
func New(db *sql.DB) *Store { return &Store{db: db} }

// Count counts the users.
func (s *Store) Count() (n int, err error) {
	err = s.db.QueryRow("SELECT count(*) FROM users").Scan(&n)
	return n, err
}

// Limiting keeps the pool in a field that it limits.
type Limiting struct{ db *sql.DB }

// NewLimiting keeps db, and limits it in init.
func NewLimiting(db *sql.DB) *Limiting {
	l := &Limiting{db: db}
	l.init()
	return l
}

func (l *Limiting) init() { l.db.SetMaxOpenConns(20) }

// Exposed keeps the pool in a field a method hands out: its callers may
// limit it.
type Exposed struct{ db *sql.DB }

// NewExposed keeps db.
func NewExposed(db *sql.DB) *Exposed { return &Exposed{db: db} }

// DB returns the pool.
func (e *Exposed) DB() *sql.DB { return e.db }
