package retrynobackoff

import (
	"net/http"
)

// The message says what the loop does: a fixed number of attempts sent
// back to back, a bounded loop of unknown length, or request after
// request with no end. Each beside the others; all are reported.

func twoQuickTries(c *http.Client, req *http.Request) (resp *http.Response, err error) {
	for attempt := 1; attempt <= 2; attempt++ { // want `\[retry-no-backoff\] this loop retries http.Client.Do after a failure with no wait between attempts: its 2 attempts go out back to back, .* by up to 2 exactly when the upstream is struggling; wait with exponential backoff`
		resp, err = c.Do(req)
		if err == nil {
			return resp, nil
		}
	}
	return nil, err
}

func triesPerPolicy(c *http.Client, req *http.Request, maxTries func() int) (resp *http.Response, err error) {
	for attempt := 0; attempt < maxTries(); attempt++ { // want `\[retry-no-backoff\] this loop retries http.Client.Do after a failure with no wait between attempts: its attempts go out back to back, so a brief outage`
		resp, err = c.Do(req)
		if err == nil {
			return resp, nil
		}
	}
	return nil, err
}

func triesForever(c *http.Client, req *http.Request) *http.Response {
	for { // want `\[retry-no-backoff\] this loop retries http.Client.Do after a failure with no wait between attempts: against a failing or rate-limited \(429\) upstream it sends request after request as fast as it can`
		resp, err := c.Do(req)
		if err == nil {
			return resp
		}
	}
}
