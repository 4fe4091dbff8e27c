// Package unboundeddefault holds a retry loop with no attempt limit and no
// context, as the rule's own fixture reports it when enabled. The rule is
// off by default, so with the default configuration nothing here is
// reported.
package unboundeddefault

import (
	"net/http"
	"time"
)

func doForever(c *http.Client, req *http.Request) (*http.Response, error) {
	for {
		resp, err := c.Do(req)
		if err != nil {
			time.Sleep(time.Second)
			continue
		}
		return resp, nil
	}
}
