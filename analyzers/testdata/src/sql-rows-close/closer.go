package sqlrowsclose

import (
	"context"
	"database/sql"
	"io"
	"log"
)

// closeAndLog closes what it is given and logs the error.
func closeAndLog(c io.Closer, msg string) {
	if err := c.Close(); err != nil {
		log.Print(msg, err)
	}
}

func closedByCloserHelper(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM users")
	if err != nil {
		return nil, err
	}
	defer closeAndLog(rows, "close failed")
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

// columnNamer can only name the columns: a helper that takes it cannot
// close the rows.
type columnNamer interface{ Columns() ([]string, error) }

func logColumns(c columnNamer) {
	cols, _ := c.Columns()
	log.Print(cols)
}

func columnsLoggedOnly(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM users") // want `\[sql-rows-close\] rows from sql.DB.QueryContext are never closed`
	if err != nil {
		return nil, err
	}
	logColumns(rows)
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
