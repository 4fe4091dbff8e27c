package httpbodyclose

import (
	"io"
	"net/http"
	"time"
)

// A retry that comes back to the send without closing the response it got:
// the next attempt replaces resp, and that body's connection is lost.
func retryLeaksEachAttempt(req *http.Request) ([]byte, error) {
	for {
		resp, err := client.Do(req) // want `\[http-bodyclose\] the body of the response from client.Do is not closed on the path that comes round the loop to send again`
		if err != nil {
			time.Sleep(time.Second)
			continue
		}
		if resp.StatusCode == http.StatusServiceUnavailable {
			time.Sleep(time.Second)
			continue
		}
		defer resp.Body.Close()
		return io.ReadAll(resp.Body)
	}
}

// Twin: the body is closed before the next attempt.
func retryClosesEachAttempt(req *http.Request) ([]byte, error) {
	for {
		resp, err := client.Do(req)
		if err != nil {
			time.Sleep(time.Second)
			continue
		}
		if resp.StatusCode == http.StatusServiceUnavailable {
			resp.Body.Close()
			time.Sleep(time.Second)
			continue
		}
		defer resp.Body.Close()
		return io.ReadAll(resp.Body)
	}
}

// Twin: only a failed send comes back, and it has no body.
func retryOnlyOnError(req *http.Request) ([]byte, error) {
	for attempt := 0; ; attempt++ {
		resp, err := client.Do(req)
		if err != nil && attempt < 3 {
			time.Sleep(time.Second)
			continue
		}
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		return io.ReadAll(resp.Body)
	}
}
