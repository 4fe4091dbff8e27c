// Package handlers declares exported handlers that it never registers
// itself: the packages that import it register them, and decide whether a
// body limit applies. No finding here; each is judged where it is
// registered.
package handlers

import (
	"encoding/json"
	"io"
	"net/http"
)

func Upload(w http.ResponseWriter, r *http.Request) { // want Upload:"reads the request body unlimited"
	data, _ := io.ReadAll(r.Body)
	w.Write(data)
}

func Import(w http.ResponseWriter, r *http.Request) { // want Import:"reads the request body unlimited"
	var v map[string]any
	json.NewDecoder(r.Body).Decode(&v)
}
