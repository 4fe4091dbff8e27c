// Package main holds a sql-pool-unbounded fixture whose fix needs the time
// package while a local variable named time shadows it: the fix imports it
// under a free alias, so the result builds.
package main

import (
	"database/sql"
	"log"
	"os"
)

func main() {
	time := os.Getenv("T")
	db, err := sql.Open("postgres", os.Getenv("DATABASE_URL")) // want `\[sql-pool-unbounded\] sql.Open returns`
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	log.Println(time)
	serve(db)
}

func serve(db *sql.DB) error { return db.Ping() }
