package retrynobackoff

import (
	"context"
	"time"

	"github.com/go-resty/resty/v2"
)

// A request sent by an HTTP client library of the API tables is a network
// call like http.Client.Do.

func restyForever(c *resty.Client, url string) (*resty.Response, error) {
	for { // want `\[retry-no-backoff\] this loop retries resty.Request.Get after a failure with no wait between attempts`
		resp, err := c.R().Get(url)
		if err != nil {
			continue
		}
		return resp, nil
	}
}

func restyWithBackoff(ctx context.Context, c *resty.Client, url string) (*resty.Response, error) {
	delay := 100 * time.Millisecond
	for attempt := 0; attempt < 3; attempt++ {
		resp, err := c.R().SetContext(ctx).Get(url)
		if err == nil {
			return resp, nil
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(delay):
		}
		delay *= 2
	}
	return nil, errGaveUp
}
