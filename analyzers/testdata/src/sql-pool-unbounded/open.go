// Package sqlpoolunbounded holds the fixtures of sql-pool-unbounded.
package sqlpoolunbounded

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"log"
)

// Opened, checked, shared with a server's goroutines, never limited.
func openPlain(dsn string) error {
	db, err := sql.Open("postgres", dsn) // want `\[sql-pool-unbounded\] sql.Open returns a \*sql.DB whose pool is never limited with SetMaxOpenConns in this package`
	if err != nil {
		return err
	}
	defer db.Close()
	return serve(db)
}

func serve(db *sql.DB) error { return db.Ping() }

// Safe twin: limited right after opening.
func openLimited(dsn string) error {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return err
	}
	db.SetMaxOpenConns(10)
	defer db.Close()
	return db.Ping()
}

// The error is ignored: the fix goes right after the Open.
func openIgnored(dsn string) *sql.DB {
	db, _ := sql.Open("postgres", dsn) // want `\[sql-pool-unbounded\] sql.Open returns`
	if db != nil {
		db.Ping()
	}
	return nil
}

// sql.OpenDB and log.Fatal.
func openConnector(c driver.Connector, ctx context.Context) {
	db := sql.OpenDB(c) // want `\[sql-pool-unbounded\] sql.OpenDB returns`
	if err := db.PingContext(ctx); err != nil {
		log.Fatal(err)
	}
}

// No fix: the check does not leave the function, so db may be nil after it.
func openLogged(dsn string) {
	db, err := sql.Open("postgres", dsn) // want `\[sql-pool-unbounded\] sql.Open returns`
	if err != nil {
		log.Print(err)
	}
	db.Ping()
}

// Safe twin: configured through a parameter of a package function.
func openConfiguredByHelper(dsn string) error {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return err
	}
	limit(db)
	return db.Ping()
}

func limit(db *sql.DB) {
	db.SetMaxOpenConns(20)
	db.SetMaxIdleConns(20)
}

// Safe: an admin connection that lives and dies in one function, used by
// this goroutine only; a pool limit has nothing to bound. From gitea
// tests/test_utils.go and models/migrations/base/tests.go.
func createDatabase(dsn, name string) error {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err = db.Exec("DROP DATABASE IF EXISTS " + name); err != nil {
		return err
	}
	_, err = db.Exec("CREATE DATABASE " + name)
	db.Close()
	db, err = sql.Open("postgres", dsn+"/"+name)
	if err != nil {
		return err
	}
	defer db.Close()
	return db.Ping()
}

// Local and closed, but queried from goroutines: the pool grows with them.
func queryConcurrently(dsn string, names []string) {
	db, err := sql.Open("postgres", dsn) // want `\[sql-pool-unbounded\] sql.Open returns`
	if err != nil {
		return
	}
	defer db.Close()
	for _, n := range names {
		go db.Exec("DELETE FROM t WHERE name = $1", n)
	}
}

// Local and closed, but captured by a function literal that may run anywhere.
func queryInClosure(dsn string, names []string) {
	db, err := sql.Open("postgres", dsn) // want `\[sql-pool-unbounded\] sql.Open returns`
	if err != nil {
		return
	}
	defer db.Close()
	for _, n := range names {
		go func() { db.Exec("DELETE FROM t WHERE name = $1", n) }()
	}
}
