// Package database opens the pools the commands of the facts fixture use:
// the openers sit in one package, their callers in others.
package database

import (
	"database/sql"
	"errors"
)

// Open opens a new pool on every call and never limits it: returned from
// an exported function, it is judged where it is used.
func Open(dsn string) (*sql.DB, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// Connect opens through Open: its summary follows the call.
func Connect(dsn string) (*sql.DB, error) {
	if dsn == "" {
		return nil, errors.New("no dsn")
	}
	return Open(dsn)
}

// OpenLimited limits the pool it returns.
func OpenLimited(dsn string) (*sql.DB, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(25)
	return db, nil
}

// Configure limits the pool it is given.
func Configure(db *sql.DB, max int) {
	db.SetMaxOpenConns(max)
	db.SetMaxIdleConns(max)
}

// Tune limits the pool through Configure.
func Tune(db *sql.DB) { Configure(db, 10) }

// Share hands the pool to code the analysis cannot follow.
func Share(db *sql.DB, use func(*sql.DB)) { use(db) }
