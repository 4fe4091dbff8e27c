package httpstatus

import (
	"encoding/json"
	"errors"
	"log"
	"net/http"
)

type oauthToken struct {
	AccessToken string `json:"access_token"`
	Error       string `json:"error"`
	Description string `json:"error_description"`
}

// The decoded token is first tested for the API's own error field, then for
// a missing token, each branch returning an error: a guard before the
// validity check only makes the function more closed: quiet.
func quietGuardThenValidity(req *http.Request) (*oauthToken, error) {
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var tok oauthToken
	if err := json.NewDecoder(resp.Body).Decode(&tok); err != nil {
		return nil, err
	}
	if tok.Error != "" {
		return nil, errors.New(tok.Error + ": " + tok.Description)
	}
	if tok.AccessToken == "" {
		return nil, errors.New("empty access token")
	}
	return &tok, nil
}

// Twin: the guard only logs, so the value is used before any check that
// fails closed.
func guardLoggedThenValidity(req *http.Request) (*oauthToken, error) {
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var tok oauthToken
	if err := json.NewDecoder(resp.Body).Decode(&tok); err != nil { // want `\[http-status\] the body of the response from client.Do is decoded but resp.StatusCode is never checked`
		return nil, err
	}
	if tok.Error != "" {
		log.Printf("token error: %s", tok.Error)
	}
	if tok.AccessToken == "" {
		return nil, errors.New("empty access token")
	}
	return &tok, nil
}

type verifyAnswer struct {
	Success bool `json:"success"`
}

// A middleware closure (no results) that answers and returns when the
// decode fails or the success flag is false: nothing after the checks runs
// for an error answer, so the check fails closed: quiet.
func quietHandlerFlagReturns(verifyURL string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		resp, err := client.Get(verifyURL)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		var out verifyAnswer
		if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		if !out.Success {
			http.Error(w, "verification failed", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Twin: the false flag is only answered, and the closure goes on to serve
// the request.
func handlerFlagGoesOn(verifyURL string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		resp, err := client.Get(verifyURL)
		if err != nil {
			return
		}
		defer resp.Body.Close()
		var out verifyAnswer
		if err := json.NewDecoder(resp.Body).Decode(&out); err != nil { // want `\[http-status\] the body of the response from client.Get is decoded but resp.StatusCode is never checked`
			return
		}
		if !out.Success {
			w.Header().Set("X-Verified", "false")
		}
		next.ServeHTTP(w, r)
	})
}

// Twin: in a function with results, a bare return of the zero values is
// not a failure the caller can see (it returns a nil error).
func flagReturnsNilError(verifyURL string) (bool, error) {
	resp, err := client.Get(verifyURL)
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	var out verifyAnswer
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil { // want `\[http-status\] the body of the response from client.Get is decoded but resp.StatusCode is never checked`
		return false, err
	}
	if !out.Success {
		return false, nil
	}
	return true, nil
}
