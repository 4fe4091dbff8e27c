package httpstatus

import (
	"encoding/json"
	"errors"
	"io"
	"log"
	"net/http"
)

type verifyResponse struct {
	Success bool     `json:"success"`
	Codes   []string `json:"error-codes"`
}

var errInvalidAnswer = errors.New("invalid answer")

// A verification answer read whole, unmarshalled with its error returned,
// then its success flag tested with an error returned when false: an
// error page fails the unmarshal and a JSON error answer leaves the flag
// false, so the check fails closed: quiet.
func quietFlagFailsClosed(url string) error {
	resp, err := http.Post(url, "application/x-www-form-urlencoded", nil)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	var r verifyResponse
	err = json.Unmarshal(body, &r)
	if err != nil {
		return err
	}
	if !r.Success {
		return errInvalidAnswer
	}
	return nil
}

// Twin: the unmarshal error is dropped and the false flag only logged:
// an error page passes as a failed answer nobody acts on.
func verifyLogsOnly(url string) bool {
	resp, err := http.Post(url, "application/x-www-form-urlencoded", nil)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body) // want `\[http-status\] the body of the response from http.Post is read and decoded but resp.StatusCode is never checked`
	var r verifyResponse
	_ = json.Unmarshal(body, &r)
	if !r.Success {
		log.Print("verification failed")
	}
	return r.Success
}

type release struct {
	Tag string `json:"tag_name"`
}

// A body decoded into a slice, the decode error returned: an error answer
// (a JSON object, an HTML page) cannot decode into a list: quiet.
func quietDecodedIntoList(url string) ([]release, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var rels []release
	if err := json.NewDecoder(resp.Body).Decode(&rels); err != nil {
		return nil, err
	}
	return rels, nil
}

// Twin: the decode error is dropped, so a failed decode leaves an empty
// list that flows on as if the upstream had none.
func releasesErrorDropped(url string) []release {
	resp, err := http.Get(url)
	if err != nil {
		return nil
	}
	defer resp.Body.Close()
	var rels []release
	_ = json.NewDecoder(resp.Body).Decode(&rels) // want `\[http-status\] the body of the response from http.Get is decoded but resp.StatusCode is never checked`
	return rels
}

// Twin: decoded into a map, which a JSON error object fills.
func labelsMap(url string) (map[string]string, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var labels map[string]string
	if err := json.NewDecoder(resp.Body).Decode(&labels); err != nil { // want `\[http-status\] the body of the response from http.Get is decoded but resp.StatusCode is never checked`
		return nil, err
	}
	return labels, nil
}

// metaEnvelope carries its success flag in a nested struct value.
type metaEnvelope struct {
	Meta struct {
		Success bool   `json:"success"`
		Status  string `json:"status"`
	} `json:"meta"`
	Data string `json:"data"`
}

// The flag is a field of a struct-valued field: an answer without the
// outer object leaves it false too, so the check fails closed: quiet.
func quietNestedFlagFailsClosed(url string) (string, error) {
	resp, err := http.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var env metaEnvelope
	if err := json.NewDecoder(resp.Body).Decode(&env); err != nil {
		return "", err
	}
	if !env.Meta.Success {
		return "", errInvalidAnswer
	}
	return env.Data, nil
}

// The same for a nested status compared with its expected value: quiet.
func quietNestedStatusValue(url string) (string, error) {
	resp, err := http.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var env metaEnvelope
	if err := json.NewDecoder(resp.Body).Decode(&env); err != nil {
		return "", err
	}
	if env.Meta.Status != "ok" {
		return "", errInvalidAnswer
	}
	return env.Data, nil
}

// ptrMetaEnvelope carries its flag behind a pointer.
type ptrMetaEnvelope struct {
	Meta *struct {
		Success bool `json:"success"`
	} `json:"meta"`
	Data string `json:"data"`
}

// Twin: the flag sits behind a pointer that an answer without the outer
// object leaves nil: the test panics instead of failing closed.
func nestedFlagThroughPointer(url string) (string, error) {
	resp, err := http.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var env ptrMetaEnvelope
	if err := json.NewDecoder(resp.Body).Decode(&env); err != nil { // want `\[http-status\] the body of the response from http.Get is decoded but resp.StatusCode is never checked`
		return "", err
	}
	if !env.Meta.Success {
		return "", errInvalidAnswer
	}
	return env.Data, nil
}
