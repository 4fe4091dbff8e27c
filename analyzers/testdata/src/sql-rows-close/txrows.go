package sqlrowsclose

import (
	"context"
	"database/sql"
)

// database/sql closes a transaction's rows when the transaction commits or
// rolls back. Rows from a transaction whose Rollback is deferred, with
// nothing else run on it after the query, are closed as the function
// returns: quiet. The twins run another statement on the transaction
// while the rows are open, or never end the transaction on return, and
// are still reported, with what the open rows hold.

func quietTransactionEnds(ctx context.Context, db *sql.DB) (string, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return "", err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, "SELECT name FROM users")
	if err != nil {
		return "", err
	}
	var name string
	if rows.Next() {
		err = rows.Scan(&name)
	}
	return name, err
}

func firstNameThenUpdate(ctx context.Context, db *sql.DB) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, "SELECT name FROM users") // want `\[sql-rows-close\] rows from sql.Tx.QueryContext are never closed: they hold the transaction's connection until tx commits or rolls back, and the statements after them on tx run while a result set is still open`
	if err != nil {
		return err
	}
	var name string
	if rows.Next() {
		_ = rows.Scan(&name)
	}
	if _, err := tx.ExecContext(ctx, "UPDATE users SET seen = true WHERE name = $1", name); err != nil {
		return err
	}
	return tx.Commit()
}

func firstNameTxNotEnded(ctx context.Context, tx *sql.Tx) (string, error) {
	rows, err := tx.QueryContext(ctx, "SELECT name FROM users") // want `\[sql-rows-close\] rows from sql.Tx.QueryContext are never closed: they hold the transaction's connection until tx commits or rolls back;`
	if err != nil {
		return "", err
	}
	var name string
	if rows.Next() {
		err = rows.Scan(&name)
	}
	return name, err
}

// Rows read to the end by a for rows.Next() loop that leaves only by
// returning (the deferred Rollback then closes them) are closed by Next
// before the statements after the loop run: quiet. A loop that breaks out
// early leaves them open for the next statement and is still reported.

func countsInTx(ctx context.Context, db *sql.DB) (map[string]int, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, "SELECT queue, count(*) FROM jobs GROUP BY queue")
	if err != nil {
		return nil, err
	}
	out := map[string]int{}
	for rows.Next() {
		var q string
		var n int
		if err := rows.Scan(&q, &n); err != nil {
			return nil, err
		}
		out[q] = n
	}
	if _, err := tx.ExecContext(ctx, "UPDATE stats SET sampled = now()"); err != nil {
		return nil, err
	}
	return out, tx.Commit()
}

func firstQueueInTx(ctx context.Context, db *sql.DB) (string, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return "", err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, "SELECT queue FROM jobs") // want `\[sql-rows-close\] rows from sql.Tx.QueryContext are never closed: they hold the transaction's connection until tx commits or rolls back, and the statements after them`
	if err != nil {
		return "", err
	}
	var q string
	for rows.Next() {
		if err := rows.Scan(&q); err == nil {
			break
		}
	}
	if _, err := tx.ExecContext(ctx, "UPDATE stats SET sampled = now()"); err != nil {
		return "", err
	}
	return q, tx.Commit()
}

// A query on a transaction run only for its error (does the column
// exist?), its rows discarded: database/sql closes them when the
// transaction ends, so they hold no pool connection beyond it: quiet. The
// same probe on the pool holds one pool connection for good: a read probe,
// reported only with probes = true (see sql-rows-close/probes, where a
// discarded statement that writes is reported by default).

func quietTransactionProbe(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.QueryContext(ctx, "SELECT visibility FROM events LIMIT 1")
	if err == nil {
		return nil // the column exists
	}
	_, err = tx.ExecContext(ctx, "ALTER TABLE events ADD COLUMN visibility SMALLINT NOT NULL DEFAULT 2")
	return err
}

func columnProbeOnPool(ctx context.Context, db *sql.DB) error {
	_, err := db.QueryContext(ctx, "SELECT visibility FROM events LIMIT 1")
	if err == nil {
		return nil
	}
	_, err = db.ExecContext(ctx, "ALTER TABLE events ADD COLUMN visibility SMALLINT NOT NULL DEFAULT 2")
	return err
}

func statementThroughTxQuery(ctx context.Context, tx *sql.Tx) {
	tx.QueryContext(ctx, "UPDATE stats SET hits = hits + 1") // want `\[sql-rows-close\] the rows sql.Tx.QueryContext returns are discarded`
}
