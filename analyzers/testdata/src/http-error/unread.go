package httperror

import (
	"fmt"
	"log"
	"net/http"
)

// The send's error is replaced by the next call's before anything reads
// it: only the response is tested.
func responseTestedNotError(u string) error {
	status := 0
	resp, err := client.Get(u) // want `\[http-error\] the error of client.Get is assigned to err, which is overwritten at line 18 before anything reads it: a failed request goes unnoticed and its nil response panics where it is used; check err right after the call`
	if resp != nil {
		defer resp.Body.Close()
		status = resp.StatusCode
	}
	err = record(status)
	return err
}

// Twin: the send's error is checked before the next call replaces it.
func responseAndErrorTested(u string) error {
	resp, err := client.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	err = record(resp.StatusCode)
	return err
}

// A reused err, read for an earlier call, then never read again.
func reusedErr(req *http.Request, payload []byte) int {
	err := validate(payload)
	if err != nil {
		return 0
	}
	resp, err := client.Do(req) // want `\[http-error\] the error of client.Do is assigned to err, which is never read: a failed request goes unnoticed and its nil response panics where it is used`
	if resp != nil {
		defer resp.Body.Close()
		return resp.StatusCode
	}
	return 0
}

// Twin: the reused err is read again after the send.
func reusedErrChecked(req *http.Request, payload []byte) (int, error) {
	err := validate(payload)
	if err != nil {
		return 0, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, fmt.Errorf("send: %w", err)
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// The response is discarded and the error assigned to a variable nobody
// reads again.
func errorOnlyAssigned(urls []string) {
	var err error
	for range urls {
		if err != nil {
			log.Print(err)
			return
		}
	}
	_, err = client.Head(urls[0]) // want `\[http-error\] the error of client.Head is assigned to err, which is never read: a failed request goes unnoticed and leaves no trace`
}

// Twin: the error is read on one path only, which is enough.
func errorReadOnOnePath(u string, verbose bool) {
	_, err := client.Head(u)
	if verbose {
		log.Print(err)
	}
}

// Quiet: a loop that sends again reads the error at its head.
func errorReadNextTurn(u string) {
	var err error
	for i := 0; i < 3 && err == nil; i++ {
		_, err = client.Head(u)
	}
}

// Quiet: the error handed to a function.
func errorPassedOn(u string) error {
	resp, err := client.Get(u)
	return handle(resp, err)
}

// Quiet: a closure reads the error later.
func errorReadInClosure(u string) {
	resp, err := client.Get(u)
	defer func() {
		if err != nil {
			log.Print(err)
		}
	}()
	if resp != nil {
		resp.Body.Close()
	}
}

func record(status int) error {
	log.Print(status)
	return nil
}

func validate(b []byte) error {
	if len(b) == 0 {
		return fmt.Errorf("empty")
	}
	return nil
}
