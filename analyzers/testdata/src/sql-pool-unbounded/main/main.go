// Package main holds the fixtures of sql-pool-unbounded in a command,
// under options: exported functions of a command have no other callers.
package main

import (
	"database/sql"
	"log"
	"os"
)

// Open is exported, but in package main its callers are all here.
func Open(dsn string) (*sql.DB, error) {
	return sql.Open("postgres", dsn) // want `\[sql-pool-unbounded\] sql.Open returns`
}

// OpenLimited is the safe twin: main limits what it returns.
func OpenLimited(dsn string) (*sql.DB, error) {
	return sql.Open("postgres", dsn)
}

func main() {
	db, err := sql.Open("postgres", os.Getenv("DATABASE_URL")) // want `\[sql-pool-unbounded\] sql.Open returns`
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	run(db)

	reports, err := Open(os.Getenv("REPORTS_URL"))
	if err != nil {
		log.Fatal(err)
	}
	defer reports.Close()

	audit, err := OpenLimited(os.Getenv("AUDIT_URL"))
	if err != nil {
		log.Fatal(err)
	}
	audit.SetMaxOpenConns(4)
}

func run(db *sql.DB) { db.Ping() }
