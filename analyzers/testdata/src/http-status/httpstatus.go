package httpstatus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"
)

var client = &http.Client{Timeout: 10 * time.Second}

type Item struct{ ID string }

func decodeUnchecked(u string) ([]Item, error) {
	resp, err := client.Get(u)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var items []Item
	err = json.NewDecoder(resp.Body).Decode(&items) // want `\[http-status\] the body of the response from client.Get is decoded but resp.StatusCode is never checked: a 429 or 500 answer fails the decode with a misleading error, or a JSON error body decodes into zero values \(empty lists, false flags, empty strings\) that are used as the real answer; check StatusCode before decoding the body`
	return items, err
}

func decodeChecked(u string) ([]Item, error) {
	resp, err := client.Get(u)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("get %s: %s", u, resp.Status)
	}
	var items []Item
	err = json.NewDecoder(resp.Body).Decode(&items)
	return items, err
}

func readAllUnchecked(req *http.Request) ([]byte, error) {
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(io.LimitReader(resp.Body, 1<<20)) // want `\[http-status\] the body of the response from client.Do is read but resp.StatusCode is never checked`
}

func readFirstThenCheck(req *http.Request) ([]byte, error) {
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body) // read first, to put it in the error
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 300 {
		return nil, fmt.Errorf("status %d: %s", resp.StatusCode, body)
	}
	return body, nil
}

func copyUnchecked(u string) error {
	r, err := client.Get(u)
	if err != nil {
		return err
	}
	defer r.Body.Close()
	_, err = io.Copy(os.Stdout, r.Body) // want `\[http-status\] the body of the response from client.Get is read but r.StatusCode is never checked`
	return err
}

func drainOnly(u string) error {
	resp, err := client.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body) // drained so the connection is reused: not read as data
	return err
}

func scanUnchecked(u string) (n int, err error) {
	resp, err := client.Get(u)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body) // want `\[http-status\] the body of the response from client.Get is read but resp.StatusCode is never checked`
	for sc.Scan() {
		n++
	}
	return n, sc.Err()
}

func switchOnStatus(u string) ([]Item, error) {
	resp, err := client.Get(u)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusOK:
		var items []Item
		return items, json.NewDecoder(resp.Body).Decode(&items)
	default:
		return nil, fmt.Errorf("unexpected %s", resp.Status)
	}
}

func helperChecks(u string) ([]Item, error) {
	resp, err := client.Get(u)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if err := checkStatus(resp); err != nil { // the helper receives the whole response
		return nil, err
	}
	var items []Item
	return items, json.NewDecoder(resp.Body).Decode(&items)
}

func checkStatus(resp *http.Response) error {
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("unexpected %s", resp.Status)
	}
	return nil
}

func bodyToHelper(u string) ([]Item, error) {
	resp, err := client.Get(u)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return decodeItems(resp.Body) // the helper reads, this function does not
}

func decodeItems(r io.Reader) ([]Item, error) {
	var items []Item
	return items, json.NewDecoder(r).Decode(&items)
}

// A helper that receives a response from its caller is not judged: the
// caller may have checked the status.
func decodeResponse(resp *http.Response) ([]Item, error) {
	var items []Item
	return items, json.NewDecoder(resp.Body).Decode(&items)
}

func closeOnly(u string) error {
	resp, err := client.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close() // never read
}

func rawRead(u string) (int, error) {
	resp, err := client.Get(u)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	buf := make([]byte, 512)
	return resp.Body.Read(buf) // want `\[http-status\] the body of the response from client.Get is read but resp.StatusCode is never checked`
}
