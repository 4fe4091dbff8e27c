// Command fixable sends requests through an http.Client literal without a
// Timeout: http-timeout's fix adds one.
package main

import (
	"fmt"
	"net/http"
)

func main() {
	client := &http.Client{}
	resp, err := client.Get("https://api.internal/v1/status")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()
	fmt.Println(resp.Status)
}
