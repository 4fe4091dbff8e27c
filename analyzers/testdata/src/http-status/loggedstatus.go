package httpstatus

import (
	"encoding/json"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net/http"
	"os"
)

type Answer struct{ Value string }

// The status is logged, then every answer, a 500 page included, is decoded.
func decodeAfterLoggedStatus(u string) (Answer, error) {
	var a Answer
	resp, err := client.Get(u)
	if err != nil {
		return a, err
	}
	defer resp.Body.Close()
	log.Printf("GET %s: status %d", u, resp.StatusCode)
	err = json.NewDecoder(resp.Body).Decode(&a) // want `\[http-status\] the body of the response from client.Get is decoded but resp.StatusCode is never checked`
	return a, err
}

func readAfterSlogStatus(u string) ([]byte, error) {
	resp, err := client.Get(u)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	slog.Debug("answer", "url", u, "status", resp.Status)
	return io.ReadAll(resp.Body) // want `\[http-status\] the body of the response from client.Get is read but resp.StatusCode is never checked`
}

// Safe twin: the status is logged and checked.
func decodeAfterLoggedAndCheckedStatus(u string) (Answer, error) {
	var a Answer
	resp, err := client.Get(u)
	if err != nil {
		return a, err
	}
	defer resp.Body.Close()
	log.Printf("GET %s: status %d", u, resp.StatusCode)
	if resp.StatusCode != http.StatusOK {
		return a, fmt.Errorf("GET %s: %s", u, resp.Status)
	}
	err = json.NewDecoder(resp.Body).Decode(&a)
	return a, err
}

// Safe twin: a command that shows the user the status it got and the body
// that came with it (fmt's Print functions are the program's output).
func showAnswer(u string) error {
	resp, err := client.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	fmt.Printf("%s %s\n", u, resp.Status)
	_, err = io.Copy(os.Stdout, resp.Body)
	return err
}

// Safe twin: the status goes into the error the function returns.
func decodeWithStatusInError(u string) (Answer, error) {
	var a Answer
	resp, err := client.Get(u)
	if err != nil {
		return a, err
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(&a); err != nil {
		return a, fmt.Errorf("GET %s (status %d): %w", u, resp.StatusCode, err)
	}
	return a, nil
}
