package httpstatus

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

// example is a documented request and the answer shown beside it.
type example struct {
	Request  string
	Response string
}

// quietRenderedAsText fills in the example answer shown on a docs page:
// a failed send, a failed read and whatever came back are all shown as
// text, and the body is only pretty-printed, never used as data.
func quietRenderedAsText(client *http.Client, ex *example) error {
	req, err := http.NewRequest("GET", ex.Request, nil)
	if err != nil {
		return fmt.Errorf("example request %q: %w", ex.Request, err)
	}
	resp, err := client.Do(req)
	if err != nil {
		ex.Response = fmt.Sprintf("getting response: %v", err)
		return nil
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		ex.Response = fmt.Sprintf("reading response: %v", err)
		return nil
	}
	var formatted bytes.Buffer
	if err := json.Indent(&formatted, body, "", "  "); err != nil {
		ex.Response = fmt.Sprintf("indenting response: %v", err)
	} else {
		ex.Response = formatted.String()
	}
	return nil
}

// Twin: the send's error is returned, so the pretty-printed error page is
// output of a call that claims success.
func renderedSendErrorReturned(client *http.Client, u string) (string, error) {
	resp, err := client.Get(u)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body) // want `\[http-status\] the body of the response from client.Get is read but resp.StatusCode is never checked`
	if err != nil {
		return "", fmt.Errorf("reading response: %w", err)
	}
	var out bytes.Buffer
	if err := json.Indent(&out, body, "", "  "); err != nil {
		return "", err
	}
	return out.String(), nil
}

// Twin: failures are rendered as text, but the bytes are also decoded as
// data.
func renderedAndDecoded(client *http.Client, ex *example, into *map[string]any) {
	resp, err := client.Get(ex.Request)
	if err != nil {
		ex.Response = fmt.Sprintf("getting response: %v", err)
		return
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body) // want `\[http-status\] the body of the response from client.Get is read but resp.StatusCode is never checked`
	if err != nil {
		ex.Response = fmt.Sprintf("reading response: %v", err)
		return
	}
	var formatted bytes.Buffer
	if json.Indent(&formatted, body, "", "  ") == nil {
		ex.Response = formatted.String()
	}
	_ = json.Unmarshal(body, into)
}
