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
