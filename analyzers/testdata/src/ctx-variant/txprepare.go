package ctxvariant

import (
	"context"
	"database/sql"
)

// Preparing on a transaction changes nothing with a context: the
// transaction holds its connection and ends with the context it was begun
// with. Quiet; the twin prepares on the pool, which waits for a
// connection, and is still reported.

func prepareInTx(ctx context.Context, tx *sql.Tx, ids []int64) error {
	stmt, err := tx.Prepare("DELETE FROM sessions WHERE id = $1")
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, id := range ids {
		if _, err := stmt.ExecContext(ctx, id); err != nil {
			return err
		}
	}
	return nil
}

func prepareOnPool(ctx context.Context, db *sql.DB) (*sql.Stmt, error) {
	return db.Prepare("DELETE FROM sessions WHERE id = $1") // want `\[ctx-variant\] \(\*sql.DB\).Prepare cannot be cancelled`
}

// A statement prepared on a transaction for the caller, which runs it
// with its own context.
func quietPreparesInTx(ctx context.Context, tx *sql.Tx) (*sql.Stmt, error) {
	return tx.Prepare("DELETE FROM sessions WHERE id = $1")
}
