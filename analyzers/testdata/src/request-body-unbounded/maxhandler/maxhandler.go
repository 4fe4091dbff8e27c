// Package requestbodymaxhandler wraps its mux in http.MaxBytesHandler: its
// handlers are quiet.
package requestbodymaxhandler

import (
	"io"
	"net/http"
)

func upload(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body)
	w.Write(data)
}

func Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/upload", upload)
	return http.MaxBytesHandler(mux, 1<<20)
}
