package httpbodyclose

import (
	"fmt"
	"io"
	"net/http"
)

// The status test can never hold (no status is both below 200 and above
// 299), so its return cannot run; every path that can run reads the body
// to its end, which frees the connection.
func statusTestNeverHolds(u string) ([]byte, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode < 200 && resp.StatusCode > 299 {
		return nil, fmt.Errorf("status %d", resp.StatusCode)
	}
	return io.ReadAll(resp.Body)
}

// Twin: the status test that was meant (||) can hold, and its return
// leaves the body open.
func statusTestCanHold(u string) ([]byte, error) {
	resp, err := http.Get(u) // want `\[http-bodyclose\] the body of the response from http.Get is never closed, and is read to the end on some paths only: on the path that reaches the return at line 31`
	if err != nil {
		return nil, err
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fmt.Errorf("status %d", resp.StatusCode)
	}
	return io.ReadAll(resp.Body)
}
