// Package main serves HTTP and never looks at termination signals: a
// program run by hand (a tool, an emulator, a demo), which nothing asks to
// stop and drain. Quiet. The same servers in a program that handles
// SIGTERM are reported (package shutdown).
package main

import (
	"log"
	"net/http"
	"time"
)

func main() {
	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: 10 * time.Second}
	go func() { log.Fatal(http.ListenAndServe(":9090", nil)) }()
	log.Fatal(srv.ListenAndServe())
}
