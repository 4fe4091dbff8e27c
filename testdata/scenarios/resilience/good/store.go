// Package store loads user profiles from a profile service and users and
// orders from PostgreSQL.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
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

const maxAttempts = 5

var errUnavailable = errors.New("profile service unavailable")

var client = &http.Client{Timeout: 10 * time.Second}

// FetchProfile asks the profile service up to maxAttempts times, waiting
// longer after each failure, and gives up when ctx is done.
func FetchProfile(ctx context.Context, url string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	delay := 100 * time.Millisecond
	for attempt := 0; attempt < maxAttempts; attempt++ {
		resp, err := client.Do(req)
		if err == nil {
			defer resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				return nil, fmt.Errorf("profile service: %s", resp.Status)
			}
			return io.ReadAll(io.LimitReader(resp.Body, 1<<20))
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(delay + rand.N(delay)):
		}
		delay *= 2
	}
	return nil, errUnavailable
}

// SearchUsers finds the users whose name starts with prefix; the
// text_pattern_ops index on users (name) serves the prefix match.
func SearchUsers(ctx context.Context, db *sql.DB, prefix string) ([]User, error) {
	rows, err := db.QueryContext(ctx, "SELECT id, name, email FROM users WHERE name LIKE $1 || '%'", prefix)
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

// Orders returns every order with its customer's name, in one query.
func Orders(ctx context.Context, db *sql.DB) ([]Order, error) {
	rows, err := db.QueryContext(ctx, `SELECT o.id, o.user_id, u.name
		FROM orders o JOIN users u ON u.id = o.user_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var orders []Order
	for rows.Next() {
		var o Order
		if err := rows.Scan(&o.ID, &o.UserID, &o.Customer); err != nil {
			return nil, err
		}
		orders = append(orders, o)
	}
	return orders, rows.Err()
}
