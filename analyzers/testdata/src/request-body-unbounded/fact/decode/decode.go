// Package decode declares request helpers in their own package of the
// module: one reads the body it is given with no limit, one limits it
// first, one reads a reader it is given.
package decode

import (
	"encoding/json"
	"io"
	"net/http"
)

// JSON decodes the request body into v.
func JSON(w http.ResponseWriter, r *http.Request, v any) error {
	return json.NewDecoder(r.Body).Decode(v)
}

// LimitedJSON decodes at most 1 MiB of the request body into v.
func LimitedJSON(w http.ResponseWriter, r *http.Request, v any) error {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	return json.NewDecoder(r.Body).Decode(v)
}

// Bytes reads everything rd yields, through a helper of its own.
func Bytes(rd io.Reader) []byte {
	return readAll(rd)
}

func readAll(rd io.Reader) []byte {
	b, _ := io.ReadAll(rd)
	return b
}

// Header reads nothing of the body.
func Header(r *http.Request) string { return r.Header.Get("X-Request-Id") }
