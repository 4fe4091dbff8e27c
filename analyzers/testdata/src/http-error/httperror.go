package httperror

import (
	"fmt"
	"io"
	"log"
	"net/http"
	"time"
)

var client = &http.Client{Timeout: 10 * time.Second}

func blankError(u string) {
	resp, _ := client.Get(u) // want `\[http-error\] the error of client.Get is discarded: when the request fails the response is nil, so using it panics and the failure leaves no trace; check err before using the response`
	defer resp.Body.Close()
}

func quietErrorRead(u string) error {
	resp, err := client.Get(u)
	if err != nil {
		return fmt.Errorf("get %s: %w", u, err)
	}
	defer resp.Body.Close()
	return nil
}

func statement(u string) {
	client.Post(u, "text/plain", nil) // want `\[http-error\] the error of client.Post is discarded with the response: a failed request goes unnoticed and nobody closes the body; check err and use the response only when it is nil`
}

func statementChecked(u string) error {
	resp, err := client.Post(u, "text/plain", nil)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func bothBlank(req *http.Request) {
	_, _ = client.Do(req) // want `\[http-error\] the error of client.Do is discarded`
}

func onlyResponseBlank(req *http.Request) error {
	_, err := client.Do(req) // http-bodyclose's business, not this rule's
	return err
}

func varBlank(u string) {
	var resp, _ = client.Head(u) // want `\[http-error\] the error of client.Head is discarded`
	_ = resp
}

func deferredCloseBeforeCheck(u string) error {
	resp, err := client.Get(u)
	defer resp.Body.Close() // want `\[http-error\] resp is used before the error of client.Get is checked: when the request fails resp is nil and this panics; check err first`
	if err != nil {
		return err
	}
	return nil
}

func deferredCloseAfterCheck(u string) error {
	resp, err := client.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return nil
}

func errOverwritten(u string) ([]byte, error) {
	resp, err := client.Get(u)
	body, err := io.ReadAll(resp.Body) // want `\[http-error\] resp is used before the error of client.Get is checked`
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	return body, nil
}

func errCheckedInSameCondition(u string) error {
	resp, err := client.Get(u)
	if err != nil || resp.StatusCode != http.StatusOK {
		return fmt.Errorf("get %s failed", u)
	}
	return resp.Body.Close()
}

func returnedTogether(u string) (*http.Response, error) {
	resp, err := client.Get(u)
	return resp, err // the caller checks err
}

func ifInit(u string) {
	if resp, err := client.Get(u); err == nil {
		resp.Body.Close()
	}
}

func ifInitUsedInCondition(u string) {
	if resp, err := client.Get(u); resp.StatusCode == http.StatusOK { // want `\[http-error\] resp is used before the error of client.Get is checked`
		_ = err
	}
}

func nilGuardFirst(u string) error {
	resp, err := client.Get(u)
	if resp != nil {
		defer resp.Body.Close()
	}
	if err != nil {
		return err
	}
	return nil
}

func nilGuardInDeferredClosure(req *http.Request) error {
	resp, err := client.Do(req)
	defer func() {
		if resp != nil {
			resp.Body.Close()
		}
	}()
	if err != nil {
		return err
	}
	return nil
}

func nilGuardThenUnguardedUse(u string) error {
	resp, err := client.Get(u)
	if resp != nil {
		defer resp.Body.Close()
	}
	log.Print(resp.Status) // want `\[http-error\] resp is used before the error of client.Get is checked`
	return err
}

func loggedError(u string) {
	resp, err := client.Get(u)
	if err != nil {
		log.Printf("get %s: %v", u, err)
		return
	}
	resp.Body.Close()
}

func namedResults(u string) (resp *http.Response, err error) {
	resp, err = client.Get(u)
	return
}

func switchOnErr(u string) {
	resp, err := client.Get(u)
	switch {
	case err != nil:
		return
	}
	resp.Body.Close()
}

func goAndDefer(u string) {
	go client.Get(u)   // want `\[http-error\] the error of client.Get is discarded with the response`
	defer http.Head(u) // want `\[http-error\] the error of http.Head is discarded with the response`
}

func sentStraightOn(u string) error {
	return handle(client.Get(u)) // the helper receives both results
}

func handle(resp *http.Response, err error) error {
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
