package httpstatus

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
)

// botResponse is an API answer that reports failures in the body: ok is
// false and error_code/description explain why.
type botResponse struct {
	Ok          bool   `json:"ok"`
	ErrorCode   int    `json:"error_code"`
	Description string `json:"description"`
	Result      Item   `json:"result"`
}

// From miniflux internal/integration/telegrambot/client.go:62: the status
// is never read, but the answer's ok flag is, and a false flag returns the
// API's own explanation; an error page that is not JSON fails the decode.
func quietSuccessFlagChecked(req *http.Request) (*Item, error) {
	response, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer response.Body.Close()

	var out botResponse
	if err := json.NewDecoder(response.Body).Decode(&out); err != nil {
		return nil, fmt.Errorf("bot: unable to decode response: %w", err)
	}
	if !out.Ok {
		return nil, fmt.Errorf("bot: %s (error code is %d)", out.Description, out.ErrorCode)
	}
	return &out.Result, nil
}

// The same envelope through a decoder variable and a pointer target.
func botSendMessage(req *http.Request) (*Item, error) {
	response, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer response.Body.Close()

	var out *botResponse
	decoder := json.NewDecoder(response.Body)
	if err := decoder.Decode(&out); err != nil {
		return nil, err
	}
	if out.Ok == false {
		return nil, errors.New(out.Description)
	}
	return &out.Result, nil
}

// The false flag is answered with an error that does not read the body,
// and the decode's error is returned: an error page fails the decode, a
// JSON error answer leaves the flag false, so every answer but a success
// ends in an error (fails closed): quiet.
func botVerifyFailsClosed(req *http.Request) error {
	response, err := client.Do(req)
	if err != nil {
		return err
	}
	defer response.Body.Close()

	var out botResponse
	if err := json.NewDecoder(response.Body).Decode(&out); err != nil {
		return err
	}
	if !out.Ok {
		return errors.New("invalid token")
	}
	return nil
}

type failureResponse struct {
	Failed  bool   `json:"failed"`
	Message string `json:"message"`
}

// Twin: a flag that is true on failure; a JSON error body without it
// decodes to false and passes as success.
func botFailedFlag(req *http.Request) error {
	response, err := client.Do(req)
	if err != nil {
		return err
	}
	defer response.Body.Close()

	var out failureResponse
	if err := json.NewDecoder(response.Body).Decode(&out); err != nil { // want `\[http-status\] the body of the response from client.Do is decoded but response.StatusCode is never checked`
		return err
	}
	if out.Failed {
		return errors.New(out.Message)
	}
	return nil
}

// Twin: the flag is tested, but the body's explanation is only logged and
// the zero-valued result is returned as data.
func botFlagLogged(req *http.Request) (*Item, error) {
	response, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer response.Body.Close()

	var out botResponse
	if err := json.NewDecoder(response.Body).Decode(&out); err != nil { // want `\[http-status\] the body of the response from client.Do is decoded but response.StatusCode is never checked`
		return nil, err
	}
	if !out.Ok {
		fmt.Println(out.Description)
		return &out.Result, nil
	}
	return &out.Result, nil
}
