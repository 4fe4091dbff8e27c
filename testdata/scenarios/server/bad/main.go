// Command server accepts uploads. It works on a laptop: in production a
// slow client holds its sockets, a large upload exhausts memory, and every
// deploy cuts the requests in flight.
package main

import (
	"io"
	"log"
	"net/http"
)

func upload(w http.ResponseWriter, r *http.Request) {
	data, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	log.Printf("received %d bytes", len(data))
	w.WriteHeader(http.StatusAccepted)
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/upload", upload)
	log.Fatal(http.ListenAndServe(":8080", mux))
}
