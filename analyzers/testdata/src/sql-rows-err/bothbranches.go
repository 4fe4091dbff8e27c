package sqlrowserr

import "database/sql"

// One rows variable assigned by a query in each branch of an if/else and
// iterated by one loop: one finding, not one per query.
func listBothBranches(db *sql.DB, after string) ([]string, error) {
	var rows *sql.Rows
	var err error
	if after == "" {
		rows, err = db.Query("SELECT name FROM t")
	} else {
		rows, err = db.Query("SELECT name FROM t WHERE name > ?", after)
	}
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() { // want `\[sql-rows-err\] this rows.Next\(\) loop has no rows.Err\(\) check`
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// Twin, quiet: the same shape with the check.
func listBothBranchesChecked(db *sql.DB, after string) ([]string, error) {
	var rows *sql.Rows
	var err error
	if after == "" {
		rows, err = db.Query("SELECT name FROM t")
	} else {
		rows, err = db.Query("SELECT name FROM t WHERE name > ?", after)
	}
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
