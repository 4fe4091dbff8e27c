// Command cmd opens its pools through the database package of the facts
// fixture and never limits them.
package main

import (
	"log"
	"os"

	"sql-pool-unbounded/facts/database"
	"sql-pool-unbounded/facts/store"
)

func main() {
	db, err := database.Open(os.Getenv("DATABASE_URL")) // want `\[sql-pool-unbounded\] database.Open opens a new \*sql.DB on every call and never limits its pool`
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	s := store.New(db)
	log.Println(s.Count())

	other, err := database.Connect(os.Getenv("OTHER_URL")) // want `\[sql-pool-unbounded\] database.Connect opens a new \*sql.DB`
	if err != nil {
		log.Fatal(err)
	}
	log.Println(store.New(other).Count())
}
