// Command cmdloop sends from main in ways that repeat: the twins of
// cmdonce's once-in-main form.
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
		fmt.Println(probe())
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
