// Package main is the deployed command beside the demo: reported.
package main

import "net/http"

func main() {
	http.ListenAndServe(":8080", nil) // want `\[server-timeout\]`
}
