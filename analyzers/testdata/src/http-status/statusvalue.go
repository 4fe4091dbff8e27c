package httpstatus

import (
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
)

// healthAnswer is an API answer whose string status field says whether the
// call succeeded.
type healthAnswer struct {
	Status  string `json:"status"`
	Message string `json:"message"`
}

// The body is unmarshalled and its status compared with the expected
// value, an error being returned when it differs: an error page fails the
// unmarshal, and a JSON error answer lacks the expected status. Quiet.
func quietStatusValueChecked(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	var hc healthAnswer
	if err := json.Unmarshal(body, &hc); err != nil {
		return err
	}
	if hc.Status != "healthy" {
		return fmt.Errorf("not healthy: status=%q message=%q", hc.Status, hc.Message)
	}
	return nil
}

// The same through a decoder, the constant on the left.
func healthyDecoded(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var hc healthAnswer
	if err := json.NewDecoder(resp.Body).Decode(&hc); err != nil {
		return err
	}
	if "ok" != hc.Status {
		return fmt.Errorf("status %s", hc.Status)
	}
	return nil
}

// Twin: the status is compared, but a mismatch is only logged and the
// answer is used as data anyway.
func healthLogged(url string) (string, error) {
	resp, err := http.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body) // want `\[http-status\] the body of the response from http.Get is read and decoded but resp.StatusCode is never checked`
	if err != nil {
		return "", err
	}
	var hc healthAnswer
	if err := json.Unmarshal(body, &hc); err != nil {
		return "", err
	}
	if hc.Status != "healthy" {
		log.Printf("unexpected status %q", hc.Status)
	}
	return hc.Message, nil
}

// runnerState is a status a server answers with as a number; its zero
// value is not one of the states a caller accepts.
type runnerState int

const (
	stateUnknown runnerState = iota
	stateReady
	stateLoading
)

// stateAnswer is an answer carrying a numeric state.
type stateAnswer struct {
	State    runnerState `json:"state"`
	Progress float32     `json:"progress"`
}

// The status field is switched on, every case a non-zero constant, and
// the default returns an error: a JSON error answer decodes with the zero
// state, which no case accepts. Quiet.
func quietStatusSwitched(url string) (runnerState, error) {
	resp, err := http.Get(url)
	if err != nil {
		return stateUnknown, err
	}
	defer resp.Body.Close()
	var a stateAnswer
	if err := json.NewDecoder(resp.Body).Decode(&a); err != nil {
		return stateUnknown, err
	}
	switch a.State {
	case stateReady, stateLoading:
		return a.State, nil
	default:
		return stateUnknown, fmt.Errorf("unexpected state %d", a.State)
	}
}

// The same over a string status read whole and unmarshalled.
func healthSwitched(url string) (string, error) {
	resp, err := http.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", err
	}
	var hc healthAnswer
	if err := json.Unmarshal(body, &hc); err != nil {
		return "", err
	}
	switch hc.Status {
	case "healthy", "degraded":
		return hc.Message, nil
	default:
		return "", fmt.Errorf("status %q", hc.Status)
	}
}

// readyFirst is a numeric status whose zero value means ready.
type readyFirst int

const (
	readyFirstReady readyFirst = iota
	readyFirstLoading
)

// readyAnswer is an answer carrying such a status.
type readyAnswer struct {
	Status readyFirst `json:"status"`
}

// Twin: a case accepts the zero value, so a JSON error answer without the
// field decodes as ready.
func stateZeroAccepted(url string) (readyFirst, error) {
	resp, err := http.Get(url)
	if err != nil {
		return readyFirstLoading, err
	}
	defer resp.Body.Close()
	var a readyAnswer
	if err := json.NewDecoder(resp.Body).Decode(&a); err != nil { // want `\[http-status\] the body of the response from http.Get is decoded but resp.StatusCode is never checked`
		return readyFirstLoading, err
	}
	switch a.Status {
	case readyFirstReady, readyFirstLoading:
		return a.Status, nil
	default:
		return readyFirstLoading, fmt.Errorf("unexpected status %d", a.Status)
	}
}

// Twin: no default, so an unmatched status falls through to the answer
// being used as data.
func healthSwitchNoDefault(url string) (string, error) {
	resp, err := http.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var hc healthAnswer
	if err := json.NewDecoder(resp.Body).Decode(&hc); err != nil { // want `\[http-status\] the body of the response from http.Get is decoded but resp.StatusCode is never checked`
		return "", err
	}
	switch hc.Status {
	case "degraded":
		return "", fmt.Errorf("degraded: %s", hc.Message)
	}
	return hc.Message, nil
}
