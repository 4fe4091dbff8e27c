// Package api reads request bodies through the helpers of package decode.
package api

import (
	"net/http"

	"example.com/facts/decode"
)

type item struct{ Name string }

func create(w http.ResponseWriter, r *http.Request) {
	var it item
	_ = decode.JSON(w, r, &it)
}

func createLimited(w http.ResponseWriter, r *http.Request) {
	var it item
	_ = decode.Limited(w, r, &it)
}

func Routes(mux *http.ServeMux) {
	mux.HandleFunc("/create", create)
	mux.HandleFunc("/create-limited", createLimited)
}
