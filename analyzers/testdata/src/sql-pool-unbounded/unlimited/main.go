// Package main holds the SetMaxOpenConns(0) fixtures of sql-pool-unbounded:
// database/sql reads a limit below one as "no limit", so it limits nothing,
// and a fix that inserted a limit after the Open would be lifted again by
// the later call.
package main

import (
	"database/sql"
	"log"
	"os"
)

const noLimit = 0

func main() {
	db, err := sql.Open("postgres", os.Getenv("DATABASE_URL")) // want `\[sql-pool-unbounded\] sql.Open returns a \*sql.DB whose pool is never limited.*SetMaxOpenConns\(0\) in this package means no limit`
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(0)
	run(db)

	jobs, err := sql.Open("postgres", os.Getenv("JOBS_URL")) // want `\[sql-pool-unbounded\] sql.Open returns`
	if err != nil {
		log.Fatal(err)
	}
	defer jobs.Close()
	jobs.SetMaxOpenConns(noLimit - 1)
	run(jobs)

	// The twin: a positive limit, also through a constant.
	audit, err := sql.Open("postgres", os.Getenv("AUDIT_URL"))
	if err != nil {
		log.Fatal(err)
	}
	defer audit.Close()
	audit.SetMaxOpenConns(noLimit + 4)
	run(audit)
}

func run(db *sql.DB) { db.Ping() }
