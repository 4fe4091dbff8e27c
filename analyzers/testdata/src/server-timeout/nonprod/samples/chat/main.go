// Package main is a sample program under samples/.
package main

import "net/http"

func main() {
	http.ListenAndServe(":8080", nil)
}
