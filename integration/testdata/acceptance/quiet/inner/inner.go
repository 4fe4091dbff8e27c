// Package inner is governed by ../rules.toml, which switches http-timeout
// off: its http.Get is not reported, its key still is.
package inner

import (
	"fmt"
	"io"
	"net/http"
)

const deployKeyID = "AKIAQ3H8WZ5NB7KDR2VT"

// Fetch downloads url.
func Fetch(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return io.ReadAll(resp.Body)
}

// KeyID returns the key id.
func KeyID() string { return deployKeyID }
