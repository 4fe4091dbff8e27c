// Package store loads user profiles from a profile service and users and
// orders from PostgreSQL.
package store

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"net/http"
	"time"
)

// User is a row of users.
type User struct {
	ID    int64
	Name  string
	Email string
}

// Order is an order with its customer's name.
type Order struct {
	ID       int64
	UserID   int64
	Customer string
}

var client = &http.Client{Timeout: 10 * time.Second}

// FetchProfile asks the profile service until it answers.
func FetchProfile(ctx context.Context, url string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	for {
		resp, err := client.Do(req)
		if err != nil {
			continue
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return nil, fmt.Errorf("profile service: %s", resp.Status)
		}
		return io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	}
}

// SearchUsers finds the users whose name contains q.
func SearchUsers(ctx context.Context, db *sql.DB, q string) ([]User, error) {
	rows, err := db.QueryContext(ctx, "SELECT * FROM users WHERE name LIKE '%' || $1 || '%'", q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var users []User
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.ID, &u.Name, &u.Email); err != nil {
			return nil, err
		}
		users = append(users, u)
	}
	return users, rows.Err()
}

// Orders returns every order with its customer's name.
func Orders(ctx context.Context, db *sql.DB) ([]Order, error) {
	rows, err := db.QueryContext(ctx, "SELECT id, user_id FROM orders")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var orders []Order
	for rows.Next() {
		var o Order
		if err := rows.Scan(&o.ID, &o.UserID); err != nil {
			return nil, err
		}
		if err := db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", o.UserID).Scan(&o.Customer); err != nil {
			return nil, err
		}
		orders = append(orders, o)
	}
	return orders, rows.Err()
}
