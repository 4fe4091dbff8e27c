// Command integrations is issue 3's acceptance example: an http.Get and a
// hardcoded AWS access key id. go vet, golangci-lint and pre-commit report both.
package main

import (
	"fmt"
	"io"
	"net/http"
)

// The key is made up, but has the shape and randomness of a real one.
const awsAccessKeyID = "AKIAZ7Q4LMRT2XVN5KPW"

func main() {
	resp, err := http.Get("https://api.internal/v1/status")
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
	fmt.Println(n, len(awsAccessKeyID))
}
