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

// quietBestEffort extends a map from the database when it can: it returns
// nothing and drops the query's and the Scan's errors alike, so a result
// cut short is no worse than the failed query it already tolerates.
func quietBestEffort(db *sql.DB, to map[string]string) {
	rows, err := db.QueryContext(context.Background(), "SELECT name, charset FROM collations")
	if err != nil {
		return
	}
	defer rows.Close()
	for rows.Next() {
		var name, charset string
		if err := rows.Scan(&name, &charset); err != nil {
			return
		}
		to[name] = charset
	}
}

// bestEffortTwin logs the query's error: it reports its failures, so a
// partial result passing for a complete one is a failure it misses.
func bestEffortTwin(db *sql.DB, to map[string]string, logf func(string, ...any)) {
	rows, err := db.QueryContext(context.Background(), "SELECT name, charset FROM collations")
	if err != nil {
		logf("collations: %v", err)
		return
	}
	defer rows.Close()
	for rows.Next() { // want `\[sql-rows-err\] this rows.Next\(\) loop has no rows.Err\(\) check`
		var name, charset string
		if err := rows.Scan(&name, &charset); err != nil {
			return
		}
		to[name] = charset
	}
}

// bestEffortResultTwin drops its errors too, but returns what it read: a
// caller takes the partial slice for the whole.
func bestEffortResultTwin(db *sql.DB) []string {
	rows, err := db.QueryContext(context.Background(), "SELECT name FROM collations")
	if err != nil {
		return nil
	}
	defer rows.Close()
	var names []string
	for rows.Next() { // want `\[sql-rows-err\] this rows.Next\(\) loop has no rows.Err\(\) check`
		var n string
		if rows.Scan(&n) != nil {
			return nil
		}
		names = append(names, n)
	}
	return names
}
