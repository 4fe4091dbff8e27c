// Command cmdonce sends one request per run from main: the process ends
// when main returns, so the one response it leaves open is not a leak that
// grows.
package main

import (
	"fmt"
	"net/http"
	"os"
	"time"
)

func main() {
	// Twin: a function literal in main may run any number of times.
	probe := func() int {
		resp, err := http.Get("http://localhost:8080/healthz") // want `\[http-bodyclose\] the body of the response from http.Get is never closed`
		if err != nil {
			return 0
		}
		return resp.StatusCode
	}
	if len(os.Args) > 2 {
		fmt.Println(probe(), check())
	}
	if len(os.Args) > 1 && os.Args[1] == "healthcheck" {
		// Quiet: once per process, directly in main.
		resp, err := http.Get("http://localhost:8080/healthz")
		if err != nil || resp.StatusCode != http.StatusOK {
			fmt.Println("healthcheck failed")
			os.Exit(1)
		}
		fmt.Println("healthcheck ok")
		return
	}
	// Twin: a loop in main sends again and again.
	for {
		resp, err := http.Get("http://localhost:8080/healthz") // want `\[http-bodyclose\] the body of the response from http.Get is never closed`
		if err == nil {
			fmt.Println(resp.StatusCode)
		}
		time.Sleep(time.Second)
	}
}

// Twin: a function main calls may be called from anywhere.
func check() bool {
	resp, err := http.Get("http://localhost:8080/healthz") // want `\[http-bodyclose\] the body of the response from http.Get is never closed`
	return err == nil && resp.StatusCode == http.StatusOK
}
