package httpstatus

import (
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
