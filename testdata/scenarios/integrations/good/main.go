// Command integrations is the production-ready version of the bad
// scenario: the client has a timeout and the key comes from the
// environment.
package main

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"time"
)

var client = &http.Client{Timeout: 10 * time.Second}

func main() {
	awsAccessKeyID := os.Getenv("AWS_ACCESS_KEY_ID")
	if awsAccessKeyID == "" {
		fmt.Println("AWS_ACCESS_KEY_ID is not set")
		return
	}
	req, err := http.NewRequest(http.MethodGet, "https://api.internal/v1/status", nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	req.Header.Set("X-Access-Key-Id", awsAccessKeyID)
	resp, err := client.Do(req)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		fmt.Println("status", resp.Status)
		return
	}
	n, _ := io.Copy(io.Discard, resp.Body)
	fmt.Println("read", n, "bytes")
}
