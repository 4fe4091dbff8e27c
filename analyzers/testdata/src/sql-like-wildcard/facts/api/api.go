// Package api runs the searches the search package holds.
package api

import (
	"database/sql"

	"sql-like-wildcard/facts/search"
)

func find(db *sql.DB, q string) {
	db.Query(search.Statements.ByName, q) // want `\[sql-like-wildcard\] LIKE pattern starts with a % wildcard`
	db.Query(search.Statements.ByPrefix, q)
}
