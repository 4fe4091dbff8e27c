// Package main is an example program: prodlint does not report servers
// under an example directory, which are read, not deployed.
//
// From the corpus: alertmanager examples/webhook/echo.go:25
// (http.ListenAndServe in a debug echo receiver).
package main

import (
	"io"
	"log"
	"net/http"
)

func main() {
	log.Fatal(http.ListenAndServe(":5001", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		log.Println(string(b))
	})))
}
