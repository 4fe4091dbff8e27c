// Package redactedkey writes an API-key header on its requests: a copy
// whose Authorization alone is censored still holds that key.
package redactedkey

import (
	"log"
	"net/http"
)

func send(c *http.Client, req *http.Request, key string) (*http.Response, error) {
	req.Header.Set("X-Api-Key", key)
	head := req.Header.Clone()
	head.Set("Authorization", "[censored]")
	log.Printf("sending %v", head) // want `\[secret-logged\] log.Printf logs the whole http.Header head`
	return c.Do(req)
}
