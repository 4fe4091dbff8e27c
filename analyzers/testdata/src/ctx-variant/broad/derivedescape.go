package ctxvariant

import (
	"context"
	"database/sql"
	"time"
)

// The fix passes a context the function derived only when the call's
// result stays in the function: rows or a transaction returned to the
// caller would be closed or rolled back when the deferred cancel runs, so
// there the fix passes the caller's ctx. Both are reported.

func openReport(ctx context.Context, db *sql.DB) (*sql.Rows, error) {
	tctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	_ = tctx.Err()
	rows, err := db.Query("SELECT id FROM reports") // want `use QueryContext\(ctx, ...\)`
	return rows, err
}

func countReports(ctx context.Context, db *sql.DB) (int, error) {
	tctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	_ = tctx.Err()
	var n int
	err := db.QueryRow("SELECT count(*) FROM reports").Scan(&n) // want `use QueryRowContext\(tctx, ...\)`
	return n, err
}
