// Command cmdonce sends one request per run from main: the process ends
// when main returns, so the one response it leaves open is not a leak that
// grows. cmdloop holds the twins inside main (a loop, a function literal).
package main

import (
	"fmt"
	"net/http"
	"os"
)

func main() {
	if len(os.Args) > 2 {
		fmt.Println(check())
	}
	// Quiet: once per process, directly in main.
	resp, err := http.Get("http://localhost:8080/healthz")
	if err != nil || resp.StatusCode != http.StatusOK {
		fmt.Println("healthcheck failed")
		os.Exit(1)
	}
	fmt.Println("healthcheck ok")
}

// Twin: a function main calls may be called from anywhere.
func check() bool {
	resp, err := http.Get("http://localhost:8080/healthz") // want `\[http-bodyclose\] the body of the response from http.Get is never closed`
	return err == nil && resp.StatusCode == http.StatusOK
}
