// Package sqlinloop holds N+1 queries, each beside a twin that makes one
// query or writes deliberately per item.
package sqlinloop

import (
	"context"
	"database/sql"

	"github.com/jmoiron/sqlx"
)

type order struct {
	ID, CustomerID int64
	Customer       string
}

func ordersWithCustomers(ctx context.Context, db *sql.DB) ([]order, error) {
	rows, err := db.QueryContext(ctx, "SELECT id, customer_id FROM orders")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []order
	for rows.Next() {
		var o order
		if err := rows.Scan(&o.ID, &o.CustomerID); err != nil {
			return nil, err
		}
		err := db.QueryRowContext(ctx, "SELECT name FROM customers WHERE id = $1", o.CustomerID).Scan(&o.Customer) // want `\[sql-in-loop\] sql.DB.QueryRowContext runs a query for each row of the rows.Next\(\) loop around it \(N\+1\)`
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

func ordersJoined(ctx context.Context, db *sql.DB) ([]order, error) {
	rows, err := db.QueryContext(ctx, `SELECT o.id, o.customer_id, c.name
		FROM orders o JOIN customers c ON c.id = o.customer_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []order
	for rows.Next() {
		var o order
		if err := rows.Scan(&o.ID, &o.CustomerID, &o.Customer); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

func namesByID(db *sql.DB, ids []int64) (map[int64]string, error) {
	out := map[int64]string{}
	for _, id := range ids {
		var name string
		if err := db.QueryRow("SELECT name FROM users WHERE id = ?", id).Scan(&name); err != nil { // want `\[sql-in-loop\] sql.DB.QueryRow runs a query for each element of the range over ids around it`
			return nil, err
		}
		out[id] = name
	}
	return out, nil
}

func namesByIDOneQuery(db *sql.DB, ids []int64) (*sql.Rows, error) {
	return db.Query("SELECT id, name FROM users WHERE id = ANY($1)", ids)
}

func sqlxPerTenant(db *sqlx.DB, tenants []string) (int, error) {
	total := 0
	for _, t := range tenants {
		var n int
		if err := db.Get(&n, "SELECT count(*) FROM jobs WHERE tenant = $1", t); err != nil { // want `\[sql-in-loop\] sqlx.DB.Get runs a query for each element`
			return 0, err
		}
		total += n
	}
	return total, nil
}

func insertEach(ctx context.Context, tx *sql.Tx, names []string) error {
	for _, n := range names {
		if _, err := tx.ExecContext(ctx, "INSERT INTO users (name) VALUES ($1)", n); err != nil {
			return err
		}
	}
	return nil
}

func insertReturningEach(ctx context.Context, tx *sql.Tx, names []string) ([]int64, error) {
	var ids []int64
	for _, n := range names {
		var id int64
		if err := tx.QueryRowContext(ctx, "INSERT INTO users (name) VALUES ($1) RETURNING id", n).Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

func retryCounter(db *sql.DB, id int64) (name string, err error) {
	for attempt := 0; attempt < 3; attempt++ {
		if err = db.QueryRow("SELECT name FROM users WHERE id = $1", id).Scan(&name); err == nil {
			return name, nil
		}
	}
	return "", err
}

func sameQueryEachTime(db *sql.DB, items []string, tenant int) error {
	for range items {
		var n int
		if err := db.QueryRow("SELECT count(*) FROM quota WHERE tenant = $1", tenant).Scan(&n); err != nil {
			return err
		}
	}
	return nil
}

func preparedPerItem(ctx context.Context, db *sql.DB, ids []int64) error {
	stmt, err := db.PrepareContext(ctx, "SELECT name FROM users WHERE id = $1")
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, id := range ids {
		var name string
		if err := stmt.QueryRowContext(ctx, id).Scan(&name); err != nil {
			return err
		}
	}
	return nil
}

func jobsFromChannel(ctx context.Context, db *sql.DB, jobs <-chan int64) {
	for id := range jobs {
		var state string
		_ = db.QueryRowContext(ctx, "SELECT state FROM jobs WHERE id = $1", id).Scan(&state)
	}
}
