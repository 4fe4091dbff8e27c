// Command generatortwin is the same program without the directive that
// makes it a generator: a command like any other, so it is reported.
package main

//go:generate stringer -type=Kind

import (
	"io"
	"net/http"
	"os"
)

// Kind is a kind of entry.
type Kind int

func main() {
	resp, err := http.Get("https://example.com/list.json") // want `\[http-timeout\] http.Get uses http.DefaultClient`
	if err != nil {
		os.Exit(1)
	}
	defer resp.Body.Close()
	io.Copy(os.Stdout, resp.Body)
}
