// Package nobackoffdefault holds a retry loop with no wait between
// attempts, as the rule's own fixture reports it when enabled. The rule is
// off by default, so with the default configuration nothing here is
// reported.
package nobackoffdefault

import "net/http"

func doForever(c *http.Client, req *http.Request) (*http.Response, error) {
	for {
		resp, err := c.Do(req)
		if err != nil {
			continue
		}
		return resp, nil
	}
}
