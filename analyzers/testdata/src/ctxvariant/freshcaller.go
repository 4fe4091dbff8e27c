package ctxvariant

import (
	"context"
	"database/sql"
)

// A function whose every caller in the package passes a fresh root has a
// ctx that cancels nothing: the twin would change nothing. Quiet; the twin
// is also called with a caller's ctx and is still reported.

func purgeExpired(ctx context.Context, db *sql.DB) error {
	_, err := db.Exec("DELETE FROM sessions WHERE expires < now()")
	return err
}

func purgeOnStart(db *sql.DB) error {
	return purgeExpired(context.Background(), db)
}

func purgeStale(ctx context.Context, db *sql.DB) error {
	_, err := db.Exec("DELETE FROM sessions WHERE stale") // want `\[ctx-variant\] \(\*sql.DB\).Exec cannot be cancelled`
	return err
}

func purgeBoth(ctx context.Context, db *sql.DB) error {
	if err := purgeStale(context.Background(), db); err != nil {
		return err
	}
	return purgeStale(ctx, db)
}
