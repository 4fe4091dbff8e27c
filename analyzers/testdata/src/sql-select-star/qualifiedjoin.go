package sqlselectstar

import (
	"context"
	"database/sql"

	"github.com/jmoiron/sqlx"
)

// A table-qualified star in a join, scanned into a fixed list: a column
// added to users breaks the Scan.
func joinScanRow(ctx context.Context, db *sql.DB, id int) (string, string, int, error) {
	var uid, name string
	var total int
	err := db.QueryRowContext(ctx, "SELECT u.*, o.total FROM users u JOIN orders o ON o.user_id = u.id WHERE u.id = $1", id). // want `\[sql-select-star\] u.\* in a join is scanned into a fixed list of destinations`
																	Scan(&uid, &name, &total)
	return uid, name, total, err
}

func joinScanRows(db *sql.DB) error {
	rows, err := db.Query("SELECT o.id, u.* FROM orders o JOIN users u ON u.id = o.user_id") // want `\[sql-select-star\] u.\* in a join is scanned into a fixed list`
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var oid, uid, name string
		if err := rows.Scan(&oid, &uid, &name); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Twin: the same join, scanned into destinations built from the columns.
func joinScanSpread(db *sql.DB) error {
	rows, err := db.Query("SELECT o.id, u.* FROM orders o JOIN users u ON u.id = o.user_id")
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	dest := make([]any, len(cols))
	for i := range dest {
		dest[i] = new(any)
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Twin: a struct scan follows the columns by name.
func joinStructScan(db *sqlx.DB) error {
	var out []user
	return db.Select(&out, "SELECT u.* FROM users u JOIN orders o ON o.user_id = u.id")
}

// Twin: a qualified star without a join, scanned into a fixed list, is
// quiet (one table, a deliberate choice of its columns).
func singleTableQualified(db *sql.DB) (string, error) {
	var id string
	err := db.QueryRow("SELECT u.* FROM users u WHERE u.id = 1").Scan(&id)
	return id, err
}
