package secretlogged

import (
	"log"
	"net/http"
)

// A response's headers are what the peer answered: none of the request's
// Authorization, Cookie or API-key headers. Quiet. The request's headers,
// the same type, still carry them and are reported.
func deliver(c *http.Client, req *http.Request) error {
	res, err := c.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode >= 500 {
		log.Printf("delivery failed: %d %v", res.StatusCode, res.Header)
		log.Printf("request was %v", req.Header) // want `\[secret-logged\] log\.Printf logs the whole http\.Header req\.Header`
	}
	return nil
}
