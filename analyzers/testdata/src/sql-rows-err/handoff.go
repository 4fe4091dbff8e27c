package sqlrowserr

import (
	"context"
	"database/sql"
	"io"
	"log"
)

// closeAndLog closes anything it is given and logs the error: through
// an io.Closer it can never read the rows or check their Err.
func closeAndLog(ctx context.Context, c io.Closer, msg string) {
	if err := c.Close(); err != nil {
		log.Print(msg, err)
	}
}

func closedByCloserHelper(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM users")
	if err != nil {
		return nil, err
	}
	defer closeAndLog(ctx, rows, "close failed")
	var out []string
	for rows.Next() { // want `\[sql-rows-err\] this rows.Next\(\) loop has no rows.Err\(\) check after it`
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}

func closedByCloserHelperChecked(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM users")
	if err != nil {
		return nil, err
	}
	defer closeAndLog(ctx, rows, "close failed")
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// scanRow reads the current row only.
func scanRow(rows *sql.Rows, n *string) error { return rows.Scan(n) }

func scannedPerRow(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM users")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() { // want `\[sql-rows-err\] this rows.Next\(\) loop has no rows.Err\(\) check after it`
		var n string
		if err := scanRow(rows, &n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}

func scannedPerRowChecked(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM users")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := scanRow(rows, &n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// drain iterates the rows itself: whoever it belongs to checks Err.
func drain(rows *sql.Rows) []string {
	var out []string
	for rows.Next() {
		var n string
		_ = rows.Scan(&n)
		out = append(out, n)
	}
	return out
}

func handedAfterLoop(ctx context.Context, db *sql.DB) []string {
	rows, err := db.QueryContext(ctx, "SELECT name FROM users")
	if err != nil {
		return nil
	}
	defer rows.Close()
	if rows.Next() {
		log.Print("first row")
	}
	return drain(rows) // handed on outside a loop of this function: the helper owns them
}
