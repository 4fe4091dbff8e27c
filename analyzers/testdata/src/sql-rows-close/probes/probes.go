// Package probes: rows discarded from a read whose error is kept are a
// probe, reported only with probes = true; discarded rows of a statement
// that writes, maintains, locks rows or calls a function are reported by
// default.
package probes

import (
	"context"
	"database/sql"
)

// A one-time check that a table exists: one connection, quiet by default.
func quietReadProbe(db *sql.DB) error {
	_, err := db.Query("SELECT id FROM experiments LIMIT 1")
	return err
}

// Reported twin: VACUUM through Query; the rows hold the connection and,
// with some drivers, the statement does not even run: use Exec.
func vacuum(db *sql.DB) error {
	_, err := db.Query("VACUUM") // want `\[sql-rows-close\] the rows sql.DB.Query returns are discarded and never closed`
	return err
}

// Reported twin: the read locks the rows it reads for as long as the
// result is open.
func lockProbe(ctx context.Context, db *sql.DB) error {
	_, err := db.QueryContext(ctx, "SELECT id FROM jobs WHERE id = $1 FOR UPDATE", 1) // want `\[sql-rows-close\] the rows sql.DB.QueryContext returns are discarded`
	return err
}

// Reported twin: a function called through SELECT may write or take a
// lock held by the connection.
func functionCall(ctx context.Context, db *sql.DB) error {
	_, err := db.QueryContext(ctx, "SELECT pg_advisory_lock($1)", 7) // want `\[sql-rows-close\] the rows sql.DB.QueryContext returns are discarded`
	return err
}
