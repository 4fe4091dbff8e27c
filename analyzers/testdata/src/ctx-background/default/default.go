// Package ctxbackgrounddefault holds a fresh root the rule reports once
// switched on (positives.go has the same shape, expected there): with
// the default rules.toml the rule is off and reports nothing.
package ctxbackgrounddefault

import (
	"context"
	"database/sql"
	"net/http"
)

func orders(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		rows, err := db.QueryContext(context.Background(), "SELECT id FROM orders")
		if err != nil {
			http.Error(w, "unavailable", http.StatusServiceUnavailable)
			return
		}
		defer rows.Close()
	}
}
