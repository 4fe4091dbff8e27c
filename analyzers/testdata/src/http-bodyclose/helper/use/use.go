// Package use calls the helpers of another package that return a
// response: the fact of api.Get tells its body is the caller's to close.
package use

import (
	"encoding/json"
	"net/http"

	"http-bodyclose/helper/api"
)

func decodeNeverClosed(c *http.Client, u string, v any) error {
	resp, err := api.Get(c, u) // want `\[http-bodyclose\] the body of the response from api.Get is never closed: every call leaks a connection until the service runs out of sockets; defer resp.Body.Close\(\) once err is nil`
	if err != nil {
		return err
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

func decodeClosed(c *http.Client, u string, v any) error {
	resp, err := api.Get(c, u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(v)
}

func statusOnly(c *http.Client, u string) (int, error) {
	resp, err := api.Status(c, u)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}
