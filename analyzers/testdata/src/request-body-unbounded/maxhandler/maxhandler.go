// Package requestbodymaxhandler wraps its mux in http.MaxBytesHandler: its
// handlers are quiet.
package requestbodymaxhandler

import (
	"io"
	"net/http"
)

func quietMaxBytesHandler(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body)
	w.Write(data)
}

func Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/upload", quietMaxBytesHandler)
	return http.MaxBytesHandler(mux, 1<<20)
}
