package sqlselectstar

import (
	"database/sql"
	"fmt"
)

// quietColumnSizedScan: a generic reader of a table chosen at run time: it asks the rows for
// their columns and scans into a slice sized to them, so a column added
// to the table cannot break the Scan. Quiet.
func quietColumnSizedScan(db *sql.DB, table string) ([]map[string]any, error) {
	var rows *sql.Rows
	var err error
	rows, err = db.Query(fmt.Sprintf("SELECT * FROM %s", table))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var names []string
	names, err = rows.Columns()
	if err != nil {
		return nil, err
	}
	values := make([]any, len(names))
	var dest = make([]any, len(names))
	for i := range values {
		dest[i] = &values[i]
	}
	var out []map[string]any
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		row := map[string]any{}
		for i, n := range names {
			row[n] = values[i]
		}
		out = append(out, row)
	}
	return out, rows.Err()
}

// Twin: the columns are asked for, but the rows are scanned into a fixed
// list of destinations: a column added to the table breaks the Scan.
func readColumnsFixedScan(db *sql.DB) (int, error) {
	rows, err := db.Query("SELECT * FROM accounts") // want `\[sql-select-star\] SELECT \* fetches every column`
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return 0, err
	}
	var id, name string
	n := 0
	for rows.Next() {
		if err := rows.Scan(&id, &name); err != nil {
			return 0, err
		}
		n += len(cols)
	}
	return n, rows.Err()
}

// Twin: a spread Scan of a slice whose length does not come from the
// columns: reported.
func readSpreadFixedSize(db *sql.DB) error {
	rows, err := db.Query("SELECT * FROM accounts") // want `\[sql-select-star\] SELECT \* fetches every column`
	if err != nil {
		return err
	}
	defer rows.Close()
	if _, err := rows.Columns(); err != nil {
		return err
	}
	var a, b string
	dest := make([]any, 2)
	dest[0], dest[1] = &a, &b
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
	}
	return rows.Err()
}
