// Package orders serves a user's orders priced in their currency.
package orders

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"
)

// Server holds the long-lived dependencies of the handlers.
type Server struct {
	DB       *sql.DB
	Pricing  *http.Client // built once at startup, with a Timeout
	RatesURL string
}

type order struct {
	ID    int64   `json:"id"`
	Total float64 `json:"total"`
}

// Orders lists the user's orders converted to the requested currency.
func (s *Server) Orders(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()

	req, err := http.NewRequest(http.MethodGet, s.RatesURL+"?currency="+url.QueryEscape(r.URL.Query().Get("currency")), nil)
	if err != nil {
		http.Error(w, "bad currency", http.StatusBadRequest)
		return
	}
	rate, err := s.rate(req)
	if err != nil {
		http.Error(w, "pricing unavailable", http.StatusBadGateway)
		return
	}

	rows, err := s.DB.Query("SELECT id, total FROM orders WHERE user_id = $1 ORDER BY id LIMIT 100", r.URL.Query().Get("user"))
	if err != nil {
		http.Error(w, "orders unavailable", http.StatusServiceUnavailable)
		return
	}
	defer rows.Close()
	out := []order{}
	for rows.Next() {
		var o order
		if err := rows.Scan(&o.ID, &o.Total); err != nil {
			http.Error(w, "orders unavailable", http.StatusServiceUnavailable)
			return
		}
		o.Total *= rate
		out = append(out, o)
	}
	if err := rows.Err(); err != nil {
		http.Error(w, "orders unavailable", http.StatusServiceUnavailable)
		return
	}
	_ = ctx
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(out); err != nil {
		return // the client went away; nothing left to tell it
	}
}

// rate sends the pricing request and decodes the rate it returns.
func (s *Server) rate(req *http.Request) (float64, error) {
	resp, err := s.Pricing.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("pricing: status %d", resp.StatusCode)
	}
	var body struct {
		Rate float64 `json:"rate"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&body); err != nil {
		return 0, err
	}
	return body.Rate, nil
}
