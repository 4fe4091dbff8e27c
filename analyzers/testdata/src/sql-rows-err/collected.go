package sqlrowserr

import "database/sql"

// The forms of sql-rows-err decided while collecting candidates, one
// function each (rule.FixtureFunc), beside the reported twins of this
// package.

func quietRowsParameter(rows *sql.Rows) ([]string, error) {
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}
