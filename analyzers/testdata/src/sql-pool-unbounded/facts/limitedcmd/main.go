// Command limitedcmd is the quiet twin of cmd: every pool it opens
// through the database package is limited, here or by the function it is
// handed to, or leaves the analysis's sight.
package main

import (
	"database/sql"
	"log"
	"os"

	"sql-pool-unbounded/facts/database"
	"sql-pool-unbounded/facts/store"
)

func main() {
	db, err := database.Open(os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	db.SetMaxOpenConns(25)
	log.Println(store.New(db).Count())

	tuned, err := database.Open(os.Getenv("TUNED_URL"))
	if err != nil {
		log.Fatal(err)
	}
	database.Tune(tuned)

	limiting, err := database.Connect(os.Getenv("LIMITING_URL"))
	if err != nil {
		log.Fatal(err)
	}
	store.NewLimiting(limiting)

	exposed, err := database.Open(os.Getenv("EXPOSED_URL"))
	if err != nil {
		log.Fatal(err)
	}
	store.NewExposed(exposed).DB().SetMaxOpenConns(5)

	shared, err := database.Open(os.Getenv("SHARED_URL"))
	if err != nil {
		log.Fatal(err)
	}
	database.Share(shared, func(*sql.DB) {})

	limited, err := database.OpenLimited(os.Getenv("LIMITED_URL"))
	if err != nil {
		log.Fatal(err)
	}
	log.Println(store.New(limited).Count())
}
