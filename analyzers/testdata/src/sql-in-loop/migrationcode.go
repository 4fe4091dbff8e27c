package sqlinloop

import (
	"context"
	"database/sql"
)

// A function that changes the schema is one-shot setup: its loops follow
// the schema (tables, columns), not the data. Quiet; its twin reads per
// element without changing the schema and is still N+1.

func quietSchemaSetup(ctx context.Context, tx *sql.Tx, columns []string) error {
	if _, err := tx.ExecContext(ctx, "CREATE TABLE IF NOT EXISTS settings (name text PRIMARY KEY)"); err != nil {
		return err
	}
	for _, col := range columns {
		var exists bool
		if err := tx.QueryRowContext(ctx, "SELECT true FROM settings WHERE name = $1", col).Scan(&exists); err != nil {
			return err
		}
		if !exists {
			if _, err := tx.ExecContext(ctx, "INSERT INTO settings (name) VALUES ($1)", col); err != nil {
				return err
			}
		}
	}
	return nil
}

func settingsExist(ctx context.Context, tx *sql.Tx, columns []string) error {
	for _, col := range columns {
		var exists bool
		if err := tx.QueryRowContext(ctx, "SELECT true FROM settings WHERE name = $1", col).Scan(&exists); err != nil { // want `\[sql-in-loop\] sql.Tx.QueryRowContext runs a query for each element of the range over columns`
			return err
		}
	}
	return nil
}

func columnTypes(ctx context.Context, db *sql.DB, tables []string) (map[string]string, error) {
	out := map[string]string{}
	for _, t := range tables {
		var typ string
		if err := db.QueryRowContext(ctx, "SELECT data_type FROM information_schema.columns WHERE table_name = $1", t).Scan(&typ); err != nil {
			return nil, err
		}
		out[t] = typ
	}
	return out, nil
}

// A data migration, named as one, runs once per schema version: quiet. Its
// twin does the same per-row read in request code and is still reported
// (ordersWithCustomers in inloop.go).

func migrateCustomerNames(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, "SELECT id, customer_id FROM orders")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, customer int64
		if err := rows.Scan(&id, &customer); err != nil {
			return err
		}
		var name string
		if err := tx.QueryRowContext(ctx, "SELECT name FROM customers WHERE id = $1", customer).Scan(&name); err != nil {
			return err
		}
	}
	return rows.Err()
}
