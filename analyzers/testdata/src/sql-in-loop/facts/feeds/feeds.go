// Package feeds calls the store's query helpers inside loops.
package feeds

import (
	"context"
	"database/sql"

	"sql-in-loop/facts/store"
)

type entry struct {
	Hash   string
	Author int64
}

func refresh(tx *sql.Tx, feedID int64, entries []entry) []entry {
	var fresh []entry
	for _, e := range entries {
		if !store.EntryExists(tx, feedID, e.Hash) { // want `\[sql-in-loop\] store.EntryExists runs a query \(sql.Tx.QueryRow\) for each element of the range over entries`
			fresh = append(fresh, e)
		}
	}
	return fresh
}

func authors(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT author_id FROM entries")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		name, err := store.Author(ctx, db, id) // want `\[sql-in-loop\] store.Author runs a query \(sql.DB.QueryRowContext\) for each row`
		if err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	return names, rows.Err()
}

// quiet: the twins of the helpers above.
func quiet(ctx context.Context, db *sql.DB, tx *sql.Tx, entries []entry) {
	for _, e := range entries {
		store.Touch(db, e.Author)                // a write
		store.Settings(db, e.Author)             // its query does not take the argument
		store.NextID(db, e.Hash)                 // a function call in SQL
		store.EntryExists(tx, 1, "same-hash")    // arguments that do not change with the loop
		store.CreateIfMissing(ctx, tx, e.Author) // a check, then a write
	}
	for _, id := range []int64{1, 2, 3} { // a list fixed by the program
		store.Author(ctx, db, id)
	}
	store.EntryExists(tx, 1, entries[0].Hash) // not in a loop
}
