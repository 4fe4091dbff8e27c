package ctxvariant

import (
	"context"
	"database/sql"
)

// A function whose every caller in the package passes a fresh root has a
// ctx that cancels nothing: the twin would change nothing. Quiet; the twin
// is also called with a caller's ctx and is still reported.

func quietCallersPassFreshRoots(ctx context.Context, db *sql.DB) error {
	_, err := db.Exec("DELETE FROM sessions WHERE expires < now()")
	return err
}

func purgeOnStart(db *sql.DB) error {
	return quietCallersPassFreshRoots(context.Background(), db)
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

// The same two levels down: a helper whose only caller passes on its own
// ctx, whose callers all pass a fresh root. Quiet; the twin whose chain
// starts from a caller's ctx is still reported.

func countRows(ctx context.Context, db *sql.DB) int {
	var n int
	db.QueryRow("SELECT count(*) FROM sessions").Scan(&n)
	return n
}

func sessionStats(ctx context.Context, db *sql.DB) int { return countRows(ctx, db) }

func statsOnStart(db *sql.DB) int { return sessionStats(context.Background(), db) }

func countLive(ctx context.Context, db *sql.DB) int {
	var n int
	db.QueryRow("SELECT count(*) FROM sessions WHERE live").Scan(&n) // want `\[ctx-variant\] \(\*sql.DB\).QueryRow cannot be cancelled`
	return n
}

func liveStats(ctx context.Context, db *sql.DB) int { return countLive(ctx, db) }

func liveBoth(ctx context.Context, db *sql.DB) int {
	return liveStats(context.Background(), db) + liveStats(ctx, db)
}

// The twin: an exported function whose only caller in the package passes a
// fresh root is called with a live ctx by other packages. Reported.

func PurgeExpiredContext(ctx context.Context, db *sql.DB) error {
	_, err := db.Exec("DELETE FROM sessions WHERE expires < now()") // want `\[ctx-variant\] \(\*sql.DB\).Exec cannot be cancelled`
	return err
}

func PurgeExpired(db *sql.DB) error { return PurgeExpiredContext(context.Background(), db) }
