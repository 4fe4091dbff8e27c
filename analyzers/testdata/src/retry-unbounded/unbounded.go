// Package retryunbounded holds retry loops with no attempt bound and no
// exit on ctx, each beside its bounded twin.
package retryunbounded

import (
	"context"
	"database/sql"
	"errors"
	"net/http"
	"time"

	"github.com/cenkalti/backoff/v4"
)

var errGaveUp = errors.New("gave up")

func doForever(c *http.Client, req *http.Request) (*http.Response, error) {
	for { // want `\[retry-unbounded\] this loop retries http.Client.Do until it succeeds, with no attempt limit`
		resp, err := c.Do(req)
		if err != nil {
			time.Sleep(time.Second)
			continue
		}
		return resp, nil
	}
}

func quietAttemptsBounded(c *http.Client, req *http.Request) (*http.Response, error) {
	for attempt := 0; attempt < 5; attempt++ {
		resp, err := c.Do(req)
		if err != nil {
			time.Sleep(time.Second << attempt)
			continue
		}
		return resp, nil
	}
	return nil, errGaveUp
}

func pingUntilUp(ctx context.Context, db *sql.DB) error {
	for { // want `\[retry-unbounded\] this loop retries sql.DB.PingContext`
		if err := db.PingContext(ctx); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
}

func quietExitsOnContext(ctx context.Context, db *sql.DB) error {
	for {
		if err := db.PingContext(ctx); err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Second):
		}
	}
}

func getWhileFailing(url string) *http.Response {
	resp, err := http.Get(url)
	for err != nil { // want `\[retry-unbounded\] this loop retries http.Get`
		time.Sleep(time.Second)
		resp, err = http.Get(url)
	}
	return resp
}

func getWhileFailingCounted(url string) *http.Response {
	resp, err := http.Get(url)
	for tries := 1; err != nil && tries < 5; tries++ {
		time.Sleep(time.Second)
		resp, err = http.Get(url)
	}
	return resp
}

func countedInBody(c *http.Client, req *http.Request) (*http.Response, error) {
	attempts := 0
	for {
		resp, err := c.Do(req)
		if err == nil {
			return resp, nil
		}
		attempts++
		if attempts >= 5 {
			return nil, err
		}
		time.Sleep(time.Second)
	}
}

func timeBudget(c *http.Client, req *http.Request) (*http.Response, error) {
	start := time.Now()
	for {
		resp, err := c.Do(req)
		if err == nil {
			return resp, nil
		}
		if time.Since(start) > time.Minute {
			return nil, err
		}
		time.Sleep(time.Second)
	}
}

func untilDeadline(c *http.Client, req *http.Request, deadline time.Time) (*http.Response, error) {
	for time.Now().Before(deadline) {
		resp, err := c.Do(req)
		if err == nil {
			return resp, nil
		}
		time.Sleep(time.Second)
	}
	return nil, errGaveUp
}

func overDelays(c *http.Client, req *http.Request) (*http.Response, error) {
	for _, d := range []time.Duration{time.Second, 2 * time.Second, 4 * time.Second} {
		resp, err := c.Do(req)
		if err == nil {
			return resp, nil
		}
		time.Sleep(d)
	}
	return nil, errGaveUp
}

func withBackoffLibrary(c *http.Client, req *http.Request) (*http.Response, error) {
	b := backoff.NewExponentialBackOff()
	for {
		resp, err := c.Do(req)
		if err == nil {
			return resp, nil
		}
		next := b.NextBackOff()
		if next == backoff.Stop { // the policy's MaxElapsedTime bounds the loop
			return nil, err
		}
		time.Sleep(next)
	}
}

func untilCancelled(ctx context.Context, c *http.Client, req *http.Request) (*http.Response, error) {
	for {
		resp, err := c.Do(req.WithContext(ctx))
		if err == nil {
			return resp, nil
		}
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return nil, err
		}
		time.Sleep(time.Second)
	}
}

func untilStatusOK(c *http.Client, req *http.Request) *http.Response {
	for { // want `\[retry-unbounded\] this loop retries http.Client.Do`
		resp, err := c.Do(req)
		if err != nil {
			return nil
		}
		if resp.StatusCode >= 500 { // a status check is no attempt bound
			resp.Body.Close()
			time.Sleep(time.Second)
			continue
		}
		return resp
	}
}

func poller(c *http.Client, url string, handle func(*http.Response)) {
	for { // runs forever by design: its success path comes back too
		resp, err := c.Get(url)
		if err != nil {
			time.Sleep(time.Second)
			continue
		}
		handle(resp)
		time.Sleep(time.Minute)
	}
}
