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
	body, err := io.ReadAll(resp.Body) // want `\[http-status\] the body of the response from http.Get is read but resp.StatusCode is never checked`
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
