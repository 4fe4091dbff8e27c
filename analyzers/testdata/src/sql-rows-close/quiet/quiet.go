// Package quiet holds the quiet forms of sql-rows-close
// (rule.FixtureFunc), each beside a reported twin.
package quiet

import (
	"context"
	"database/sql"
)

func quietRowsClosed(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT name FROM users")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
	}
	return rows.Err()
}

func quietRowsHandedOn(ctx context.Context, db *sql.DB) (*sql.Rows, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM users")
	if err != nil {
		return nil, err
	}
	return rows, nil
}

func rowsTwin(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT name FROM users") // want `\[sql-rows-close\] rows from sql.DB.QueryContext are never closed`
	if err != nil {
		return err
	}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return err
		}
	}
	return rows.Err()
}
