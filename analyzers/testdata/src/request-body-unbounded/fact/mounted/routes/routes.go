// Package routes registers its handlers on a mux that it returns and
// never serves itself: the packages that mount it decide whether a body
// limit applies. No finding here; the read is judged where the mux is
// mounted.
package routes

import (
	"io"
	"net/http"
)

func upload(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body)
	w.Write(data)
}

// Handler returns the routes of the package.
func Handler() http.Handler { // want Handler:"reads the request body unlimited"
	mux := http.NewServeMux()
	mux.HandleFunc("/upload", upload)
	mux.HandleFunc("/echo", func(w http.ResponseWriter, r *http.Request) {
		data, _ := io.ReadAll(r.Body)
		w.Write(data)
	})
	return mux
}
