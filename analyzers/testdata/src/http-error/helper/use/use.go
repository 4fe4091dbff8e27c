// Package use calls the helpers of another package that return a
// response: the fact of api.Get tells it sends a request and hands over
// its response, nil when the request fails.
package use

import (
	"encoding/json"
	"net/http"

	"http-error/helper/api"
)

func decodeUnchecked(c *http.Client, u string, v any) error {
	resp, _ := api.Get(c, u) // want `\[http-error\] the error of api.Get is discarded: when the request fails the response is nil`
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(v)
}

func decodeChecked(c *http.Client, u string, v any) error {
	resp, err := api.Get(c, u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(v)
}

func stubStatus() int {
	resp, _ := api.Stub()
	return resp.StatusCode
}
