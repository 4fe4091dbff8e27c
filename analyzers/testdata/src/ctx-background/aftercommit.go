package ctxbackground

import (
	"context"
	"database/sql"
	"net/http"
)

// A write after a transaction has committed (an audit record, a cache
// invalidation) must complete even if the caller has gone, or the stored
// change and its follow-up disagree. Quiet; the twin runs before the
// commit and is still reported. Both serve a request, where a write on a
// fresh root is reported unless the code shows why.

func audit(ctx context.Context, db *sql.DB, what string) error {
	_, err := db.ExecContext(ctx, "INSERT INTO audit (what) VALUES ($1)", what)
	return err
}

func quietAfterCommit(r *http.Request, db *sql.DB, name string) error {
	ctx := r.Context()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "UPDATE accounts SET name = $1", name); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	return audit(context.Background(), db, "rename")
}

func auditThenRename(r *http.Request, db *sql.DB, name string) error {
	ctx := r.Context()
	if err := audit(context.Background(), db, "rename"); err != nil { // want `\[ctx-background\] context.Background\(\) drops ctx's cancellation`
		return err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "UPDATE accounts SET name = $1", name); err != nil {
		return err
	}
	return tx.Commit()
}
