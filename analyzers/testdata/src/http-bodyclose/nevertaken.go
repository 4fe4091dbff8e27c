package httpbodyclose

import (
	"fmt"
	"io"
	"net/http"
)

// The status test can never hold (no status is both below 200 and above
// 299), so its return cannot run, and every path that can run reaches the
// deferred close.
func quietBranchNeverTaken(u string) ([]byte, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode < 200 && resp.StatusCode > 299 {
		return nil, fmt.Errorf("status %d", resp.StatusCode)
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// Twin: the status test that was meant (||) can hold, and its return
// leaves the body open.
func statusTestCanHold(u string) ([]byte, error) {
	resp, err := http.Get(u) // want `\[http-bodyclose\] the body of the response from http.Get is not closed on the path that reaches the return at line 32`
	if err != nil {
		return nil, err
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fmt.Errorf("status %d", resp.StatusCode)
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// A body never closed but read to its end on every path that can run: the
// return under the test that can never hold is not one of them.
func neverTakenThenRead(u string) ([]byte, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode < 200 && resp.StatusCode > 299 {
		return nil, fmt.Errorf("status %d", resp.StatusCode)
	}
	return io.ReadAll(resp.Body)
}

// Twin: the same body under the test that can hold is left unread on its
// return.
func canHoldThenRead(u string) ([]byte, error) {
	resp, err := http.Get(u) // want `\[http-bodyclose\] the body of the response from http.Get is never closed, and is read to the end on some paths only: on the path that reaches the return at line 59`
	if err != nil {
		return nil, err
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fmt.Errorf("status %d", resp.StatusCode)
	}
	return io.ReadAll(resp.Body)
}
