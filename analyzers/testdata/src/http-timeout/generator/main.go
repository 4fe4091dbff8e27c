// Command generator rewrites a table of the module from a remote list. It is
// a code generator: go:generate runs it by hand, it is never deployed, so
// none of its findings is reported.
package main

//go:generate go run main.go

import (
	"io"
	"net/http"
	"os"
)

func main() {
	resp, err := http.Get("https://example.com/list.json")
	if err != nil {
		os.Exit(1)
	}
	defer resp.Body.Close()
	io.Copy(os.Stdout, resp.Body)
}
