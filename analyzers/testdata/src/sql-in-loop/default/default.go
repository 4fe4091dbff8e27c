// Package sqlinloopdefault: sql-in-loop is opt-in, so with the default
// configuration this N+1 loop (reported when the rule is enabled, as in
// package sqlinloop) gives no finding.
package sqlinloopdefault

import (
	"context"
	"database/sql"
)

func names(ctx context.Context, db *sql.DB, ids []int) ([]string, error) {
	var out []string
	for _, id := range ids {
		var name string
		if err := db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name); err != nil {
			return nil, err
		}
		out = append(out, name)
	}
	return out, nil
}
