// Package decode reads request bodies the production-ready way, for the
// mutation benchmark's smoke test: its bug, once put back, is reported at the
// handler of another package that calls it.
package decode

import (
	"encoding/json"
	"io"
	"net/http"
)

// JSON decodes at most 1 MiB of the request's body into v.
func JSON(r *http.Request, v any) error {
	return json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(v)
}
