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
