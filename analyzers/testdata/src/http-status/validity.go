package httpstatus

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"log"
	"net/http"
)

type token struct {
	AccessToken string `json:"access_token"`
}

func (t *token) Valid() bool { return t != nil && t.AccessToken != "" }

type userInfo struct {
	Login string `json:"login"`
	ID    int    `json:"id"`
}

func (u userInfo) Validate() error {
	if u.Login == "" {
		return errors.New("no login")
	}
	return nil
}

var errInvalidToken = errors.New("invalid token received")

// A token decoded with its error returned, then checked by its validity
// method with an error returned when invalid: an error answer fails the
// decode or is not a valid token, so the check fails closed: quiet.
func quietValidityChecked(req *http.Request) (*token, error) {
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	var tok *token
	if err := json.Unmarshal(body, &tok); err != nil {
		return nil, err
	}
	if !tok.Valid() {
		return nil, errInvalidToken
	}
	return tok, nil
}

// A Validate method returning an error: quiet.
func quietValidateMethod(url string) (userInfo, error) {
	resp, err := client.Get(url)
	if err != nil {
		return userInfo{}, err
	}
	defer resp.Body.Close()
	var u userInfo
	if err := json.NewDecoder(resp.Body).Decode(&u); err != nil {
		return userInfo{}, err
	}
	if err := u.Validate(); err != nil {
		return userInfo{}, err
	}
	return u, nil
}

// A required field compared with its zero value: quiet.
func quietRequiredField(url string) (userInfo, error) {
	resp, err := client.Get(url)
	if err != nil {
		return userInfo{}, err
	}
	defer resp.Body.Close()
	var u userInfo
	if err := json.NewDecoder(resp.Body).Decode(&u); err != nil {
		return userInfo{}, err
	}
	if u.Login == "" || u.ID == 0 {
		return userInfo{}, errors.New("user info without login")
	}
	return u, nil
}

// The twin: decoded and used with no check.
func decodedNoCheck(url string) (userInfo, error) {
	resp, err := client.Get(url)
	if err != nil {
		return userInfo{}, err
	}
	defer resp.Body.Close()
	var u userInfo
	if err := json.NewDecoder(resp.Body).Decode(&u); err != nil { // want `\[http-status\] the body of the response from client.Get is decoded but resp.StatusCode is never checked`
		return userInfo{}, err
	}
	return u, nil
}

// The twin: an invalid value is only logged.
func validityLogged(url string) (userInfo, error) {
	resp, err := client.Get(url)
	if err != nil {
		return userInfo{}, err
	}
	defer resp.Body.Close()
	var u userInfo
	if err := json.NewDecoder(resp.Body).Decode(&u); err != nil { // want `\[http-status\] the body of the response from client.Get is decoded`
		return userInfo{}, err
	}
	if u.Login == "" {
		log.Print("user info without login")
	}
	return u, nil
}

// The twin: the value is used before it is checked.
func usedBeforeValidity(url string, seen map[string]bool) (userInfo, error) {
	resp, err := client.Get(url)
	if err != nil {
		return userInfo{}, err
	}
	defer resp.Body.Close()
	var u userInfo
	if err := json.NewDecoder(resp.Body).Decode(&u); err != nil { // want `\[http-status\] the body of the response from client.Get is decoded`
		return userInfo{}, err
	}
	seen[u.Login] = true
	if u.Login == "" {
		return userInfo{}, errors.New("user info without login")
	}
	return u, nil
}

// The twin: the decode's error is dropped, so the check does not rest
// on a decode that fails closed.
func decodeErrorDropped(url string) (userInfo, error) {
	resp, err := client.Get(url)
	if err != nil {
		return userInfo{}, err
	}
	defer resp.Body.Close()
	var u userInfo
	_ = json.NewDecoder(resp.Body).Decode(&u) // want `\[http-status\] the body of the response from client.Get is decoded`
	if u.ID == 0 {
		return userInfo{}, errors.New("no id")
	}
	return u, nil
}

// A required field nested in a struct value, compared with its zero
// value: an answer without the outer object leaves the inner list empty
// too. Quiet.
func quietNestedRequiredField(url string) ([]string, error) {
	resp, err := client.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var res struct {
		Results struct {
			Records []string `json:"records"`
		} `json:"results"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		return nil, err
	}
	if len(res.Results.Records) == 0 {
		return nil, errors.New("no records")
	}
	return res.Results.Records, nil
}

// The bytes read whole, then decoded by a decoder over bytes.NewReader of
// them, as json.Unmarshal would: quiet.
func quietDecodedFromBytes(url string) (string, error) {
	resp, err := client.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var tok token
	if err := json.NewDecoder(bytes.NewReader(b)).Decode(&tok); err != nil {
		return "", err
	}
	if tok.AccessToken == "" {
		return "", errInvalidToken
	}
	return tok.AccessToken, nil
}

// recordsPage holds its results behind a pointer.
type recordsPage struct {
	Results *struct {
		Records []string `json:"records"`
	} `json:"results"`
}

// Twin: the nested field is reached through a pointer, which an answer
// without the outer object leaves nil (the check panics instead of
// returning its error).
func nestedThroughPointer(url string) ([]string, error) {
	resp, err := client.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var page recordsPage
	if err := json.NewDecoder(resp.Body).Decode(&page); err != nil { // want `\[http-status\] the body of the response from client.Get is decoded but resp.StatusCode is never checked`
		return nil, err
	}
	if len(page.Results.Records) == 0 {
		return nil, errors.New("no records")
	}
	return page.Results.Records, nil
}

// Twin: decoded from the bytes, but the decode's error is dropped, so an
// error page is not stopped by it.
func decodedFromBytesErrorDropped(url string) (string, error) {
	resp, err := client.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body) // want `\[http-status\] the body of the response from client.Get is read and decoded but resp.StatusCode is never checked`
	var tok token
	_ = json.NewDecoder(bytes.NewReader(b)).Decode(&tok)
	if tok.AccessToken == "" {
		return "", errInvalidToken
	}
	return tok.AccessToken, nil
}
