package httpstatus

import (
	"fmt"
	"io"
	"net/http"
)

// The body read through an io.LimitedReader literal held in a variable.
func limitedLiteralUnchecked(u string) ([]byte, error) {
	resp, err := client.Get(u)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	lr := &io.LimitedReader{R: resp.Body, N: 1 << 20}
	return io.ReadAll(lr) // want `\[http-status\] the body of the response from client.Get is read but resp.StatusCode is never checked`
}

// Twin: the status is checked before the limited read.
func limitedLiteralChecked(u string) ([]byte, error) {
	resp, err := client.Get(u)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %s", resp.Status)
	}
	lr := &io.LimitedReader{R: resp.Body, N: 1 << 20}
	return io.ReadAll(lr)
}
