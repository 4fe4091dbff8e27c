package sqlinloop

import (
	"context"
	"database/sql"
)

// The forms of sql-in-loop decided while collecting candidates that have
// no function of their own elsewhere in this package (rule.FixtureFunc),
// beside the reported twins of this package.

func quietCountedLoop(ctx context.Context, db *sql.DB, pages int) (int, error) {
	total := 0
	for page := 0; page < pages; page++ {
		var n int
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM orders WHERE page = $1", page).Scan(&n); err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}

func quietSpreadArgs(ctx context.Context, db *sql.DB, batches [][]any) error {
	for _, args := range batches {
		var n int
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM orders WHERE customer_id = $1 AND state = $2", args...).Scan(&n); err != nil {
			return err
		}
	}
	return nil
}
