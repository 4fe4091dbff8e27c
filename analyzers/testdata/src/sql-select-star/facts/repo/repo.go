// Package repo sends the SQL the queries package holds.
package repo

import (
	"database/sql"

	"sql-select-star/facts/queries"
)

func users(db *sql.DB) {
	db.Query(queries.ListUsers)     // want `\[sql-select-star\] SELECT \* fetches every column`
	db.Query(queries.ListUserNames) // the twin lists its columns
	db.Query(queries.Dynamic)       // assigned in init: not known here
}

func reports(db *sql.DB, day string) {
	for _, q := range queries.Reports {
		db.Query(q, day) // want `\[sql-select-star\] SELECT \* fetches every column`
	}
	for _, q := range queries.Narrow {
		db.Query(q, day)
	}
	db.Query(queries.Reports[1], day) // the element at a constant index lists its columns
}

func byName(db *sql.DB, key string) {
	db.Query(queries.ByName["all"]) // want `\[sql-select-star\] SELECT \* fetches every column`
	db.Query(queries.ByName["names"])
	db.Query(queries.ByName[key]) // want `\[sql-select-star\] SELECT \* fetches every column`
}

func fields(db *sql.DB) {
	db.QueryRow(queries.Users.Get, 1) // want `\[sql-select-star\] SELECT \* fetches every column`
	db.Query(queries.Users.List)
}

func funcs(db *sql.DB) {
	db.Query(queries.ListAll()) // want `\[sql-select-star\] SELECT \* fetches every column`
	db.Query(queries.ListSome())
}
