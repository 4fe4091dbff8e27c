package sqlrowsclose

import (
	"context"
	"database/sql"
)

// One rows variable assigned in both branches of an if is one leak with
// one fix: reported once, at its first query. Two variables are two leaks.

func lookupBranches(ctx context.Context, db *sql.DB, named bool, key string) ([]string, error) {
	var (
		rows *sql.Rows
		err  error
	)
	if named {
		rows, err = db.QueryContext(ctx, "SELECT v FROM t WHERE k = @key", sql.Named("key", key)) // want `\[sql-rows-close\] rows from sql.DB.QueryContext are never closed`
	} else {
		rows, err = db.QueryContext(ctx, "SELECT v FROM t WHERE k = $1", key)
	}
	if err != nil {
		return nil, err
	}
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

func lookupTwo(ctx context.Context, db *sql.DB, key string) (int, error) {
	a, err := db.QueryContext(ctx, "SELECT v FROM a WHERE k = $1", key) // want `\[sql-rows-close\] rows from sql.DB.QueryContext are never closed`
	if err != nil {
		return 0, err
	}
	b, err := db.QueryContext(ctx, "SELECT v FROM b WHERE k = $1", key) // want `\[sql-rows-close\] rows from sql.DB.QueryContext are never closed`
	if err != nil {
		return 0, err
	}
	n := 0
	for a.Next() {
		n++
	}
	for b.Next() {
		var v int
		if err := b.Scan(&v); err != nil {
			return 0, err
		}
		n += v
	}
	return n, nil
}
