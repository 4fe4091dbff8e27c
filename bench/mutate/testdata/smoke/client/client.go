// Package client is a small HTTP client written the production-ready way,
// for the mutation benchmark's smoke test.
package client

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// Item is what the API returns.
type Item struct{ Name string }

// Fetch gets one item.
func Fetch(url string) (*Item, error) {
	c := &http.Client{Timeout: 10 * time.Second}
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("get %s: status %d", url, resp.StatusCode)
	}
	var it Item
	if err := json.NewDecoder(resp.Body).Decode(&it); err != nil {
		return nil, err
	}
	return &it, nil
}
