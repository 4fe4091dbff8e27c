package sqlrowsclose

import (
	"context"
	"database/sql"
	"log"
)

// Rows read by a loop that only ends when Next returns false, which closes
// them: a Scan error ends the process, so no path returns with them open.
func quietReadToTheEnd(stmt *sql.Stmt, args ...any) []int {
	rows, _ := stmt.Query(args...)
	var ids []int
	for rows.Next() {
		var id int
		if err := rows.Scan(&id); err != nil {
			log.Fatal(err)
		}
		for _, skip := range []int{0, -1} {
			if id == skip {
				break // ends the inner loop only
			}
		}
		ids = append(ids, id)
	}
	return ids
}

// The same loop with its error check after the query: the failed query
// has no rows to close.
func countNames(ctx context.Context, db *sql.DB) (int, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM users")
	if err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() {
		n++
	}
	return n, nil
}

// A panic on a Scan error unwinds to a recover (net/http's, for a
// handler) with the rows still open: reported.
func idsOrPanic(ctx context.Context, db *sql.DB) ([]int, error) {
	rows, err := db.QueryContext(ctx, "SELECT id FROM users") // want `\[sql-rows-close\] rows from sql.DB.QueryContext are never closed`
	if err != nil {
		return nil, err
	}
	var ids []int
	for rows.Next() {
		var id int
		if err := rows.Scan(&id); err != nil {
			panic(err)
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// A return between the query and the loop leaves them open: reported.
func columnsFirst(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT * FROM users") // want `\[sql-rows-close\] rows from sql.DB.QueryContext are never closed`
	if err != nil {
		return nil, err
	}
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	for rows.Next() {
	}
	return cols, nil
}

// Declared first and assigned once by the query: still read to the end.
func countDeclaredFirst(ctx context.Context, db *sql.DB) int {
	var rows *sql.Rows
	var err error
	rows, err = db.QueryContext(ctx, "SELECT id FROM users")
	if err != nil {
		return 0
	}
	n := 0
	for rows.Next() {
		n++
	}
	return n
}
