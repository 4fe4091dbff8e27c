// Package main is a demo command (cmd/*-demo*): run by hand, never
// deployed, so its server is not reported.
package main

import "net/http"

func main() {
	http.ListenAndServe(":8080", nil)
}
