package httpstatus

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// The body is read only to be compared with the nonce the caller expects,
// an error being returned when it differs: an error page cannot equal it.
func quietComparedWithExpected(client *http.Client, req *http.Request, nonce string) error {
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 64))
	if err != nil {
		return err
	}
	got := strings.TrimSpace(string(body))
	if got != nonce {
		return fmt.Errorf("expected nonce %q but got %q", nonce, body)
	}
	return nil
}

// Twin: the bytes are also returned as data.
func comparedAndReturnedTwin(client *http.Client, req *http.Request, nonce string) (string, error) {
	resp, err := client.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 64)) // want `\[http-status\] the body of the response from client.Do is read but resp.StatusCode is never checked`
	if err != nil {
		return "", err
	}
	if string(body) != nonce {
		return "", fmt.Errorf("expected nonce %q but got %q", nonce, body)
	}
	return string(body), nil
}

// Twin: compared with the empty string, which any error page passes.
func comparedWithEmptyTwin(client *http.Client, req *http.Request) error {
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body) // want `\[http-status\] the body of the response from client.Do is read but resp.StatusCode is never checked`
	if err != nil {
		return err
	}
	if string(body) != "" {
		return fmt.Errorf("unexpected answer %q", body)
	}
	return nil
}

// Twin: the mismatch is only logged, and the bytes reach the caller.
func comparedOnlyLoggedTwin(client *http.Client, req *http.Request, want string) string {
	resp, err := client.Do(req)
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body) // want `\[http-status\] the body of the response from client.Do is read but resp.StatusCode is never checked`
	got := strings.TrimSpace(string(body))
	if got != want {
		fmt.Println("mismatch", got)
	}
	return got
}

// The body is copied into a buffer compared with the one answer the
// webhook gives on success; the function has no results, so it reports the
// error to a call and returns: an error page cannot equal "ok".
func quietBufferComparedReported(client *http.Client, req *http.Request, report func(error)) {
	resp, err := client.Do(req)
	if err != nil {
		report(err)
		return
	}
	defer resp.Body.Close()
	buf := new(bytes.Buffer)
	buf.ReadFrom(resp.Body)
	if buf.String() != "ok" {
		err = errors.New("non-ok answer")
		report(err)
		return
	}
}

// The same with io.Copy into a buffer value and an error returned.
func quietCopiedComparedReturned(client *http.Client, req *http.Request) error {
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	if _, err := io.Copy(&buf, resp.Body); err != nil {
		return err
	}
	if strings.TrimSpace(buf.String()) != "ok" {
		return errors.New("non-ok answer")
	}
	return nil
}

// Twin: the mismatch is only logged and the function goes on as if the
// call had succeeded.
func bufferComparedOnlyLoggedTwin(client *http.Client, req *http.Request) {
	resp, err := client.Do(req)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	buf := new(bytes.Buffer)
	buf.ReadFrom(resp.Body) // want `\[http-status\] the body of the response from client.Do is read but resp.StatusCode is never checked`
	if buf.String() != "ok" {
		fmt.Println("unexpected answer")
	}
	fmt.Println("sent")
}

// Twin: the mismatch returns without reporting anything.
func bufferComparedSilentTwin(client *http.Client, req *http.Request) {
	resp, err := client.Do(req)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	buf := new(bytes.Buffer)
	buf.ReadFrom(resp.Body) // want `\[http-status\] the body of the response from client.Do is read but resp.StatusCode is never checked`
	if buf.String() != "ok" {
		return
	}
}

// Twin: the buffer's content is also returned as data.
func bufferComparedAndReturnedTwin(client *http.Client, req *http.Request) (string, error) {
	resp, err := client.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	if _, err := io.Copy(&buf, resp.Body); err != nil { // want `\[http-status\] the body of the response from client.Do is read but resp.StatusCode is never checked`
		return "", err
	}
	if buf.String() == "" {
		return "", errors.New("empty answer")
	}
	return buf.String(), nil
}
