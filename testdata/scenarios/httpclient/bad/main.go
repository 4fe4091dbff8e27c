// Command httpclient prints the items a JSON API returns, the way the CRM
// agent did the night its upstream started answering 429.
package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
)

// Item is one entry of the API's answer.
type Item struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

func fetchItems(u string) ([]Item, error) {
	resp, _ := http.Get(u)
	var items []Item
	err := json.NewDecoder(resp.Body).Decode(&items)
	return items, err
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
