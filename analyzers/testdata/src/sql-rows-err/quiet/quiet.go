// Package quiet holds the quiet forms of sql-rows-err
// (rule.FixtureFunc), each beside a reported twin.
package quiet

import (
	"context"
	"database/sql"
)

func quietErrChecked(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM users")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, rows.Err()
}

func quietRowsHandedOn(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT name FROM users")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
	}
	return finish(rows)
}

func finish(rows *sql.Rows) error { return rows.Err() }

func errTwin(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT name FROM users")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() { // want `\[sql-rows-err\] this rows.Next\(\) loop has no rows.Err\(\) check`
	}
	return nil
}
