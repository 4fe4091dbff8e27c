// Package dbmigrations sits where migrations live: its loops run once per
// schema version, not per request, so sql-in-loop is quiet here.
package dbmigrations

import (
	"context"
	"database/sql"
)

func backfillNames(ctx context.Context, tx *sql.Tx, ids []int64) error {
	for _, id := range ids {
		var name string
		if err := tx.QueryRowContext(ctx, "SELECT name FROM customers WHERE id = $1", id).Scan(&name); err != nil {
			return err
		}
	}
	return nil
}
