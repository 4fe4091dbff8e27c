// Package sqlrowsclose holds result sets that are never closed, each
// beside a twin that closes or hands them on.
package sqlrowsclose

import (
	"context"
	"database/sql"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"
)

func names(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM users") // want `\[sql-rows-close\] rows from sql.DB.QueryContext are never closed`
	if err != nil {
		return nil, err
	}
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err // leaks the connection
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

func namesDeferClose(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM users")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

func namesClosedInDeferredClosure(ctx context.Context, db *sql.DB) (out []string, err error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM users")
	if err != nil {
		return nil, err
	}
	defer func() {
		if cerr := rows.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

func deleteWithQuery(db *sql.DB) error {
	_, err := db.Query("DELETE FROM sessions WHERE expired") // want `\[sql-rows-close\] the rows sql.DB.Query returns are discarded and never closed`
	return err
}

func deleteWithExec(db *sql.DB) error {
	_, err := db.Exec("DELETE FROM sessions WHERE expired")
	return err
}

func touch(db *sql.DB) {
	db.Query("UPDATE stats SET hits = hits + 1") // want `\[sql-rows-close\] the rows sql.DB.Query returns are discarded`
}

func perTenant(db *sql.DB, tenants []string) {
	for _, t := range tenants {
		rows, err := db.Query("SELECT id FROM jobs WHERE tenant = $1", t) // want `\[sql-rows-close\] rows from sql.DB.Query are never closed`
		if err != nil {
			continue
		}
		for rows.Next() {
			var id int
			if rows.Scan(&id) != nil {
				break // leaves the rows open, one pool connection per tenant
			}
		}
	}
}

// openRows hands the rows to its caller, who closes them.
func openRows(ctx context.Context, db *sql.DB) (*sql.Rows, error) {
	rows, err := db.QueryContext(ctx, "SELECT id FROM users")
	if err != nil {
		return nil, err
	}
	return rows, nil
}

func openRowsDirect(ctx context.Context, db *sql.DB) (*sql.Rows, error) {
	return db.QueryContext(ctx, "SELECT id FROM users")
}

func closeRows(rows *sql.Rows) { _ = rows.Close() }

func closedByHelper(db *sql.DB) error {
	rows, err := db.Query("SELECT id FROM users")
	if err != nil {
		return err
	}
	defer closeRows(rows)
	return nil
}

type cursor struct{ rows *sql.Rows }

func storedInField(db *sql.DB, c *cursor) error {
	rows, err := db.Query("SELECT id FROM users")
	if err != nil {
		return err
	}
	c.rows = rows
	return nil
}

func wrapped(db *sql.DB) (*cursor, error) {
	rows, err := db.Query("SELECT id FROM users")
	if err != nil {
		return nil, err
	}
	return &cursor{rows: rows}, nil
}

func callerOfHelper(ctx context.Context, db *sql.DB) error {
	rows, err := openRows(ctx, db) // want `\[sql-rows-close\] rows from openRows are never closed`
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int
		if err := rows.Scan(&id); err != nil {
			return err
		}
	}
	return rows.Err()
}

func sqlxRows(db *sqlx.DB) error {
	rows, err := db.Queryx("SELECT id FROM users") // want `\[sql-rows-close\] rows from sqlx.DB.Queryx are never closed`
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int
		if err := rows.Scan(&id); err != nil {
			return err
		}
	}
	return rows.Err()
}

func sqlxRowsClosed(db *sqlx.DB) error {
	rows, err := db.Queryx("SELECT id FROM users")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
	}
	return rows.Err()
}

func pgxRows(ctx context.Context, pool *pgxpool.Pool) error {
	rows, err := pool.Query(ctx, "SELECT id FROM users") // want `\[sql-rows-close\] rows from pgxpool.Pool.Query are never closed`
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int
		if err := rows.Scan(&id); err != nil {
			return err
		}
	}
	return rows.Err()
}

func pgxRowsClosed(ctx context.Context, pool *pgxpool.Pool) error {
	rows, err := pool.Query(ctx, "SELECT id FROM users")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
	}
	return rows.Err()
}

func closedAfterLoop(db *sql.DB) ([]int, error) {
	rows, err := db.Query("SELECT id FROM users")
	if err != nil {
		return nil, err
	}
	var ids []int
	for rows.Next() {
		var id int
		_ = rows.Scan(&id)
		ids = append(ids, id)
	}
	rows.Close()
	return ids, rows.Err()
}
