package retryunbounded

import (
	"context"
	"net/http"
	"time"
)

// Safe: comes back after an outage however long, one attempt per ten
// minutes at most, for the life of the process (no caller to return to).
func reconnectForever(c *http.Client, req *http.Request) *http.Response {
	wait := time.Second
	for {
		resp, err := c.Do(req)
		if err == nil {
			return resp
		}
		<-time.After(wait)
		wait *= 2
		if wait > 10*time.Minute {
			wait = 10 * time.Minute
		}
	}
}

// Safe: the same cap written with min.
func reconnectMin(c *http.Client, req *http.Request) *http.Response {
	wait := time.Second
	for {
		resp, err := c.Do(req)
		if err == nil {
			return resp
		}
		time.Sleep(wait)
		wait = min(wait*2, 5*time.Minute)
	}
}

// Twin: the delay grows without a cap.
func reconnectUncapped(c *http.Client, req *http.Request) *http.Response {
	wait := time.Second
	for { // want `\[retry-unbounded\] this loop retries http.Client.Do until it succeeds`
		resp, err := c.Do(req)
		if err == nil {
			return resp
		}
		time.Sleep(wait)
		wait *= 2
	}
}

// Twin: a capped delay, but the caller's context is in scope and the loop
// never notices it has gone.
func reconnectIgnoringCtx(ctx context.Context, c *http.Client, req *http.Request) *http.Response {
	wait := time.Second
	for { // want `\[retry-unbounded\] this loop retries http.Client.Do until it succeeds`
		resp, err := c.Do(req.WithContext(ctx))
		if err == nil {
			return resp
		}
		time.Sleep(wait)
		wait *= 2
		if wait > time.Minute {
			wait = time.Minute
		}
	}
}
