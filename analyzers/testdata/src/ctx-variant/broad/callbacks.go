package ctxvariant

import (
	"context"
	"database/sql"
)

type logEntry struct{ msg string }

type batchHandler struct {
	WriteFunc func(ctx context.Context, logs []*logEntry) error
}

// From pocketbase core/base.go:1447: the batch writer's ctx is that of
// whichever log call triggered the flush, and the literal never reads it.
// Cancelling the write with it would drop a hundred other requests' logs.
func safeCallbackIgnoresCtx(db *sql.DB) *batchHandler {
	return &batchHandler{
		WriteFunc: func(ctx context.Context, logs []*logEntry) error {
			return inTransaction(db, func(tx *sql.Tx) error {
				for _, l := range logs {
					if _, err := tx.Exec("INSERT INTO logs (msg) VALUES ($1)", l.msg); err != nil {
						return err
					}
				}
				return nil
			})
		},
	}
}

func inTransaction(db *sql.DB, fn func(*sql.Tx) error) error {
	tx, err := db.BeginTx(context.TODO(), nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		return tx.Rollback()
	}
	return tx.Commit()
}

// The twins: a literal that reads its ctx has tied its work to it, and a
// named function chose its own ctx parameter.
func logWriterUsingCtx(db *sql.DB) *batchHandler {
	return &batchHandler{
		WriteFunc: func(ctx context.Context, logs []*logEntry) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			_, err := db.Exec("DELETE FROM logs") // want `\[ctx-variant\] \(\*sql.DB\).Exec cannot be cancelled`
			return err
		},
	}
}

func purgeLogs(ctx context.Context, db *sql.DB) error {
	_, err := db.Exec("DELETE FROM logs") // want `\[ctx-variant\] \(\*sql.DB\).Exec cannot be cancelled`
	return err
}
