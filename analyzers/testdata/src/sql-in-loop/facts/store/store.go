// Package store holds the query helpers of the facts fixture; the feeds
// package calls them per item.
package store

import (
	"context"
	"database/sql"
)

// EntryExists runs one SELECT bound to its arguments.
func EntryExists(tx *sql.Tx, feedID int64, hash string) bool {
	var found bool
	tx.QueryRow(`SELECT true FROM entries WHERE feed_id = $1 AND hash = $2`, feedID, hash).Scan(&found)
	return found
}

// Author runs its query through a helper of its own package.
func Author(ctx context.Context, db *sql.DB, id int64) (string, error) {
	return nameByID(ctx, db, id)
}

func nameByID(ctx context.Context, db *sql.DB, id int64) (string, error) {
	var name string
	err := db.QueryRowContext(ctx, "SELECT name FROM authors WHERE id = $1", id).Scan(&name)
	return name, err
}

// Touch writes: a write per item is often a deliberate batch.
func Touch(db *sql.DB, id int64) error {
	_, err := db.Exec("UPDATE entries SET seen = true WHERE id = $1", id)
	return err
}

// Settings reads a row whose arguments do not come from its parameters.
func Settings(db *sql.DB, _ int64) (string, error) {
	var v string
	err := db.QueryRow("SELECT value FROM settings WHERE key = 'theme'").Scan(&v)
	return v, err
}

// NextID calls a function, which may write.
func NextID(db *sql.DB, seq string) (id int64, err error) {
	err = db.QueryRow("SELECT nextval($1)", seq).Scan(&id)
	return id, err
}

// CreateIfMissing checks, then inserts: a write per item, which the rule
// leaves alone.
func CreateIfMissing(ctx context.Context, tx *sql.Tx, id int64) error {
	var one int
	if err := tx.QueryRowContext(ctx, "SELECT 1 FROM instances WHERE id = $1", id).Scan(&one); err == nil {
		return nil
	}
	_, err := tx.ExecContext(ctx, "INSERT INTO instances (id) VALUES ($1)", id)
	return err
}
