// Package store reads rows the production-ready way, for the mutation
// benchmark's smoke test.
package store

import (
	"context"
	"database/sql"
)

// Names returns the names of the active users.
func Names(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM users WHERE active = 1")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// Label returns the owner's name for each id, read once.
func Label(ctx context.Context, db *sql.DB, owner int64, ids []int64) (map[int64]string, error) {
	var name string
	if err := db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", owner).Scan(&name); err != nil {
		return nil, err
	}
	out := map[int64]string{}
	for _, id := range ids {
		out[id] = name
	}
	return out, nil
}

// Touch marks each user as seen, one at a time.
func Touch(ctx context.Context, db *sql.DB, ids []int64) {
	for _, id := range ids {
		_, _ = db.ExecContext(ctx, "UPDATE users SET seen = now() WHERE id = $1", id)
	}
}

const usersSchema = `CREATE TABLE IF NOT EXISTS users (id bigint PRIMARY KEY, name text, team text);
CREATE INDEX IF NOT EXISTS users_name ON users (name);`

// Schema creates the table and its index on a new database, where the
// table is empty.
func Schema(ctx context.Context, db *sql.DB) error {
	if _, err := db.ExecContext(ctx, usersSchema); err != nil {
		return err
	}
	return nil
}

// ByName finds a user by an exact name, through the index.
func ByName(ctx context.Context, db *sql.DB, name string) (int64, error) {
	var id int64
	err := db.QueryRowContext(ctx, "SELECT id FROM users WHERE name = $1", name).Scan(&id)
	return id, err
}

// Team lists the members of the lead's team with one query per table.
func Team(ctx context.Context, db *sql.DB, lead int64) ([]int64, error) {
	var team string
	if err := db.QueryRowContext(ctx, "SELECT team FROM users WHERE id = $1", lead).Scan(&team); err != nil {
		return nil, err
	}
	rows, err := db.QueryContext(ctx, "SELECT id FROM users WHERE team = $1", team)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}
