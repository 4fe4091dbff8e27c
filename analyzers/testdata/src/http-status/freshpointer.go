package httpstatus

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
)

type tokenAnswer struct {
	AccessToken string `json:"access_token"`
	Scope       string `json:"scope"`
}

// Unmarshalled into a fresh pointer (&T{}, no field set) and checked for
// validity right after, the decode's error returned: the check fails
// closed as it does for json.Unmarshal(b, &v). Quiet.
func fetchTokenFresh(c *http.Client, url string) (string, error) {
	resp, err := c.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", err
	}
	tok := &tokenAnswer{}
	if err := json.Unmarshal(b, tok); err != nil {
		return "", err
	}
	if tok.AccessToken == "" {
		return "", errors.New("no access token in the answer")
	}
	return tok.AccessToken, nil
}

// The same through new(T) and a decoder: quiet.
func fetchTokenNew(c *http.Client, url string) (string, error) {
	resp, err := c.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	tok := new(tokenAnswer)
	if err := json.NewDecoder(resp.Body).Decode(tok); err != nil {
		return "", err
	}
	if tok.AccessToken == "" {
		return "", errors.New("no access token in the answer")
	}
	return tok.AccessToken, nil
}

// A pointer to a value with a field already set: an error answer leaves
// the default token, which passes the check. Reported.
func fetchTokenPrefilled(c *http.Client, url, fallback string) (string, error) {
	resp, err := c.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body) // want `\[http-status\] the body of the response from c.Get is read`
	if err != nil {
		return "", err
	}
	tok := &tokenAnswer{AccessToken: fallback}
	if err := json.Unmarshal(b, tok); err != nil {
		return "", err
	}
	if tok.AccessToken == "" {
		return "", errors.New("no access token in the answer")
	}
	return tok.AccessToken, nil
}

// A pointer handed in by the caller may point to anything. Reported.
func fetchTokenInto(c *http.Client, url string, tok *tokenAnswer) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(tok); err != nil { // want `\[http-status\] the body of the response from c.Get is decoded`
		return err
	}
	if tok.AccessToken == "" {
		return errors.New("no access token in the answer")
	}
	return nil
}
