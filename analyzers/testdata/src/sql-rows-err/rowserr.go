// Package sqlrowserr holds rows.Next loops with no rows.Err check after
// them, each beside a twin that checks or hands the rows on.
package sqlrowserr

import (
	"context"
	"database/sql"
	"log"

	"github.com/jmoiron/sqlx"
)

func names(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM users")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
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

func namesChecked(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM users")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

func count(db *sql.DB) (int, error) {
	rs, err := db.Query("SELECT id FROM users")
	if err != nil {
		return 0, err
	}
	defer rs.Close()
	n := 0
	for rs.Next() { // want `\[sql-rows-err\] this rs.Next\(\) loop has no rs.Err\(\) check`
		n++
	}
	return n, nil
}

func countReturningErr(db *sql.DB) (int, error) {
	rs, err := db.Query("SELECT id FROM users")
	if err != nil {
		return 0, err
	}
	defer rs.Close()
	n := 0
	for rs.Next() {
		n++
	}
	return n, rs.Err()
}

func logAll(db *sql.DB) {
	rows, err := db.Query("SELECT name FROM users")
	if err != nil {
		log.Print(err) // it reports a failed query, not a cut-short one
		return
	}
	defer rows.Close()
	for rows.Next() { // want `\[sql-rows-err\] this rows.Next\(\) loop has no rows.Err\(\) check`
		var n string
		_ = rows.Scan(&n)
		log.Print(n)
	}
}

func logAllChecked(db *sql.DB) {
	rows, err := db.Query("SELECT name FROM users")
	if err != nil {
		return
	}
	defer func() {
		_ = rows.Close()
		if err := rows.Err(); err != nil {
			log.Print(err)
		}
	}()
	for rows.Next() {
		var n string
		_ = rows.Scan(&n)
		log.Print(n)
	}
}

// scanAll receives the rows; its caller checks Err.
func scanAll(rows *sql.Rows) []string {
	var out []string
	for rows.Next() {
		var n string
		_ = rows.Scan(&n)
		out = append(out, n)
	}
	return out
}

func viaHelper(db *sql.DB) ([]string, error) {
	rows, err := db.Query("SELECT name FROM users")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return scanAll(rows), rows.Err()
}

func handedToHelper(db *sql.DB) []string {
	rows, err := db.Query("SELECT name FROM users")
	if err != nil {
		return nil
	}
	defer rows.Close()
	return scanAll(rows) // the helper's caller chain owns the check
}

type user struct{ Name string }

func sqlxUsers(db *sqlx.DB) ([]user, error) {
	rows, err := db.Queryx("SELECT name FROM users")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []user
	for rows.Next() { // want `\[sql-rows-err\] this rows.Next\(\) loop has no rows.Err\(\) check`
		var u user
		if err := rows.StructScan(&u); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, nil
}

type pair struct{ a, b int }

func structResult(db *sql.DB) (pair, error) {
	rows, err := db.Query("SELECT a, b FROM pairs")
	if err != nil {
		return pair{}, err
	}
	defer rows.Close()
	var p pair
	for rows.Next() { // want `\[sql-rows-err\] this rows.Next\(\) loop has no rows.Err\(\) check`
		_ = rows.Scan(&p.a, &p.b)
	}
	return p, nil
}
