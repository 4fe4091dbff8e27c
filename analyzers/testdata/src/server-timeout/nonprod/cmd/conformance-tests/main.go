// Package main is a test tool (cmd/*-tests): it drives a server under test.
package main

import "net/http"

func main() {
	http.ListenAndServe(":8080", nil)
}
