// Command httpclient prints the items a JSON API returns, with the
// timeout, error, status and body handling production needs.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"
)

// Item is one entry of the API's answer.
type Item struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// maxBody bounds what is read from the API: a runaway answer cannot
// exhaust memory.
const maxBody = 1 << 20

// client is shared so connections are reused; Timeout bounds every request,
// body included.
var client = &http.Client{Timeout: 10 * time.Second}

func fetchItems(u string) ([]Item, error) {
	resp, err := client.Get(u)
	if err != nil {
		return nil, fmt.Errorf("fetch items: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("fetch items: unexpected status %s", resp.Status)
	}
	var items []Item
	if err := json.NewDecoder(io.LimitReader(resp.Body, maxBody)).Decode(&items); err != nil {
		return nil, fmt.Errorf("decode items: %w", err)
	}
	return items, nil
}

func main() {
	items, err := fetchItems("https://api.example.com/items")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, it := range items {
		fmt.Println(it.ID, it.Name)
	}
}
