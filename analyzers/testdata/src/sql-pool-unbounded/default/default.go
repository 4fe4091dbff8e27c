// Package pooldefault opens a pool that is never limited; sql-pool-unbounded
// is opt-in, so with the default configuration nothing is reported.
package pooldefault

import "database/sql"

var db *sql.DB

func Open(dsn string) error {
	var err error
	db, err = sql.Open("postgres", dsn)
	return err
}

func Count() (n int, err error) {
	err = db.QueryRow("SELECT count(*) FROM t").Scan(&n)
	return n, err
}
