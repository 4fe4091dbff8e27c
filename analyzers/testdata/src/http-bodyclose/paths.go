package httpbodyclose

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
)

// A status check that returns before the deferred close: the body of
// every non-200 response leaks.
func statusBeforeDefer(u string) (Item, error) {
	var it Item
	resp, err := client.Get(u) // want `\[http-bodyclose\] the body of the response from client.Get is not closed on the path that reaches the return at line 21: the request succeeded but resp.Body is neither closed nor handed over before it, so each call that takes this path leaks a connection; defer resp.Body.Close\(\) right after the error check`
	if err != nil {
		return it, err
	}
	if resp.StatusCode != http.StatusOK {
		return it, fmt.Errorf("status %d", resp.StatusCode)
	}
	defer resp.Body.Close()
	return it, json.NewDecoder(resp.Body).Decode(&it)
}

// Twin: the close is deferred right after the error check.
func deferBeforeStatus(u string) (Item, error) {
	var it Item
	resp, err := client.Get(u)
	if err != nil {
		return it, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return it, fmt.Errorf("status %d", resp.StatusCode)
	}
	return it, json.NewDecoder(resp.Body).Decode(&it)
}

// The error and the status tested in one condition: the status half
// returns with a response in hand.
func combinedCondition(u string) error {
	resp, err := client.Get(u) // want `\[http-bodyclose\] the body of the response from client.Get is not closed on the path that reaches the return at line 46`
	if err != nil || resp.StatusCode != http.StatusOK {
		return errors.New("unavailable")
	}
	defer resp.Body.Close()
	return nil
}

// Twin: the status branch closes the body before it returns.
func combinedConditionCloses(u string) error {
	resp, err := client.Get(u)
	if err != nil || resp.StatusCode != http.StatusOK {
		if resp != nil {
			resp.Body.Close()
		}
		return errors.New("unavailable")
	}
	defer resp.Body.Close()
	return nil
}

// The response is returned on success, but the error path of the status
// check drops it.
func returnedOnSuccessOnly(req *http.Request) (*http.Response, error) {
	resp, err := client.Do(req) // want `\[http-bodyclose\] the body of the response from client.Do is not closed on the path that reaches the return at line 73`
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 500 {
		return nil, fmt.Errorf("server error %d", resp.StatusCode)
	}
	return resp, nil
}

// Twin: the status path hands the response to an error type that owns it.
func statusErrorOwnsResponse(req *http.Request) (*http.Response, error) {
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 500 {
		return nil, newStatusError(resp)
	}
	return resp, nil
}

// A close on one branch only, falling off the end of the function.
func closedOnOneBranch(u string) {
	resp, err := client.Get(u) // want `\[http-bodyclose\] the body of the response from client.Get is not closed on the path that reaches the end of the function \(line 100\)`
	if err != nil {
		log.Print(err)
		return
	}
	if resp.StatusCode == http.StatusOK {
		resp.Body.Close()
	}
}

// Twin: closed whatever the status.
func closedOnEveryBranch(u string) {
	resp, err := client.Get(u)
	if err != nil {
		log.Print(err)
		return
	}
	if resp.StatusCode == http.StatusOK {
		log.Print("ok")
	}
	resp.Body.Close()
}

// The decode's error check returns before the close: a decode error
// leaves the body unread, and the response is in hand.
func decodeErrorBeforeClose(u string) (Item, error) {
	var it Item
	resp, err := client.Get(u) // want `\[http-bodyclose\] the body of the response from client.Get is not closed on the path that reaches the return at line 125`
	if err != nil {
		return it, err
	}
	err = json.NewDecoder(resp.Body).Decode(&it)
	if err != nil {
		return it, err
	}
	resp.Body.Close()
	return it, nil
}

// Twin: the read's own error check returns before the close, but a read
// error comes from the connection, which the Transport then closes.
func readErrorBeforeClose(u string) ([]byte, error) {
	resp, err := client.Get(u)
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	return data, nil
}

// Twin: the error of reading an error page, in a variable of its own,
// returns before the close: the read failed, the connection is gone.
func statusPageReadError(u string) ([]byte, error) {
	resp, err := client.Get(u)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 400 {
		msg, rerr := io.ReadAll(resp.Body)
		if rerr != nil {
			return nil, rerr
		}
		resp.Body.Close()
		return nil, errors.New(string(msg))
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// Quiet: the send's result in the if statement, the close in its body.
func ifInitSuccess(u string) {
	if resp, err := client.Get(u); err == nil {
		defer resp.Body.Close()
		log.Print(resp.Status)
	}
}

// Quiet: a path that panics or exits does not return with the body.
func statusPanics(u string) {
	resp, err := client.Get(u)
	if err != nil {
		log.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		panic("unexpected status")
	}
	defer resp.Body.Close()
}

// Quiet: a nil test of the response before the close.
func nilResponseTest(u string) error {
	resp, err := client.Get(u)
	if resp == nil {
		return err
	}
	defer resp.Body.Close()
	return err
}

// Quiet: a deferred closure set up before the send closes whatever
// response the variable holds when the function returns.
func closedByEarlierDefer(urls []string) error {
	var resp *http.Response
	defer func() {
		if resp != nil {
			resp.Body.Close()
		}
	}()
	for _, u := range urls {
		var err error
		resp, err = client.Get(u)
		if err != nil {
			return err
		}
		if resp.StatusCode == http.StatusOK {
			return nil
		}
	}
	return nil
}

// Quiet: stored in a field on one path, closed on the other.
type fetcher struct{ last *http.Response }

func (f *fetcher) keepOrClose(u string) error {
	resp, err := client.Get(u)
	if err != nil {
		return err
	}
	if resp.StatusCode == http.StatusOK {
		f.last = resp
		return nil
	}
	return resp.Body.Close()
}

type statusError struct{ resp *http.Response }

func (e *statusError) Error() string { return e.resp.Status }

func newStatusError(resp *http.Response) error {
	resp.Body.Close()
	return &statusError{resp: resp}
}

// Quiet: a test of the send's error the rule cannot read is an error
// path on its true branch, and a negated nil test reads as one.
func errorClassified(u string) error {
	resp, err := client.Get(u)
	if isTemporary(err) {
		return err
	}
	if !(err == nil) {
		return err
	}
	defer resp.Body.Close()
	return nil
}

func isTemporary(err error) bool {
	var t interface{ Temporary() bool }
	return errors.As(err, &t) && t.Temporary()
}

// The return reached only when resp.Body is nil has no body to close:
// quiet. The twin returns with the body open on the branch where it is
// not nil and is still reported.
func nilBodyBranch(u string) (string, error) {
	resp, err := client.Get(u)
	if err != nil {
		return "", err
	}
	if resp.StatusCode != http.StatusOK {
		if resp.Body != nil {
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			return "", fmt.Errorf("status %d: %s", resp.StatusCode, b)
		}
		return "", fmt.Errorf("status %d", resp.StatusCode)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

// The status-error branch reads the body whole before it returns: the
// connection goes back to the pool at EOF (read-to-eof).
func openBodyBranch(u string) (string, error) {
	resp, err := client.Get(u)
	if err != nil {
		return "", err
	}
	if resp.StatusCode != http.StatusOK {
		if resp.Body != nil {
			b, _ := io.ReadAll(resp.Body)
			return "", fmt.Errorf("status %d: %s", resp.StatusCode, b)
		}
		return "", fmt.Errorf("status %d", resp.StatusCode)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

// A variable reused for a second send: the explicit close of the first
// response runs before the second send, so it cannot close the second
// body, which is never closed.
func reusedAfterClose(a, b string) (int, error) {
	resp, err := http.Get(a)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	resp, err = http.Get(b) // want `\[http-bodyclose\] the body of the response from http.Get is not closed on the path that reaches the return at line 313`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// Quiet: a deferred closure set up before the second send closes whatever
// the variable holds when the function returns, the second response.
func reusedDeferredClosure(a, b string) (int, error) {
	resp, err := http.Get(a)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	defer func() { resp.Body.Close() }()
	resp, err = http.Get(b)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// Quiet: in a loop, the close at the top of the loop closes the previous
// turn's response.
func closedNextTurn(urls []string) int {
	var resp *http.Response
	n := 0
	for _, u := range urls {
		if resp != nil {
			resp.Body.Close()
		}
		var err error
		resp, err = http.Get(u)
		if err != nil {
			return n
		}
		n++
	}
	if resp != nil {
		resp.Body.Close()
	}
	return n
}
