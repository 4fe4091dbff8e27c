// Package retrynobackoff holds retry loops that call the network again at
// once after a failure, each beside its production-ready twin.
package retrynobackoff

import (
	"context"
	"database/sql"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"time"
)

var errGaveUp = errors.New("gave up")

func doForever(c *http.Client, req *http.Request) (*http.Response, error) {
	for { // want `\[retry-no-backoff\] this loop retries http.Client.Do after a failure with no wait between attempts`
		resp, err := c.Do(req)
		if err != nil {
			continue
		}
		return resp, nil
	}
}

func quietWaitsBetweenAttempts(c *http.Client, req *http.Request) (*http.Response, error) {
	for {
		resp, err := c.Do(req)
		if err != nil {
			time.Sleep(time.Second)
			continue
		}
		return resp, nil
	}
}

func threeQuickTries(c *http.Client, req *http.Request) (resp *http.Response, err error) {
	for i := 0; i < 3; i++ { // want `\[retry-no-backoff\] this loop retries http.Client.Do`
		resp, err = c.Do(req)
		if err == nil {
			break
		}
	}
	return resp, err
}

func threeTriesWithBackoff(ctx context.Context, c *http.Client, req *http.Request) (*http.Response, error) {
	delay := 100 * time.Millisecond
	for attempt := 0; attempt < 3; attempt++ {
		resp, err := c.Do(req)
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

func getWhileFailing(url string) (*http.Response, error) {
	resp, err := http.Get(url)
	for err != nil { // want `\[retry-no-backoff\] this loop retries http.Get`
		resp, err = http.Get(url)
	}
	return resp, nil
}

func getWhileFailingWithTimer(url string) (*http.Response, error) {
	resp, err := http.Get(url)
	timer := time.NewTimer(time.Second)
	for err != nil {
		<-timer.C
		timer.Reset(time.Second)
		resp, err = http.Get(url)
	}
	return resp, nil
}

func retryOn429(ctx context.Context, c *http.Client, req *http.Request) (*http.Response, error) {
	for attempt := 0; attempt < 5; attempt++ { // want `\[retry-no-backoff\] this loop retries http.Client.Do`
		resp, err := c.Do(req)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode == http.StatusTooManyRequests {
			resp.Body.Close()
			continue
		}
		return resp, nil
	}
	return nil, errGaveUp
}

func retryOn429AfterRetryAfter(ctx context.Context, c *http.Client, req *http.Request) (*http.Response, error) {
	for attempt := 0; attempt < 5; attempt++ {
		resp, err := c.Do(req)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode == http.StatusTooManyRequests {
			resp.Body.Close()
			waitRetryAfter(ctx, resp)
			continue
		}
		return resp, nil
	}
	return nil, errGaveUp
}

func waitRetryAfter(ctx context.Context, resp *http.Response) {
	d, _ := time.ParseDuration(resp.Header.Get("Retry-After") + "s")
	select {
	case <-ctx.Done():
	case <-time.After(d):
	}
}

func pingUntilUp(ctx context.Context, db *sql.DB) error {
	for { // want `\[retry-no-backoff\] this loop retries sql.DB.PingContext`
		if err := db.PingContext(ctx); err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
}

func pingUntilUpPausing(ctx context.Context, db *sql.DB) error {
	for attempt := 0; ; attempt++ {
		if err := db.PingContext(ctx); err == nil {
			return nil
		}
		if attempt == 10 {
			return errGaveUp
		}
		pause(attempt) // a helper of this package that sleeps
	}
}

func pause(attempt int) { time.Sleep(time.Duration(attempt) * time.Second) }

// fetch is the helper a retry loop usually calls instead of c.Do.
func fetch(ctx context.Context, c *http.Client, url string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

func fetchUntilDone(ctx context.Context, c *http.Client, url string) []byte {
	for { // want `\[retry-no-backoff\] this loop retries fetch \(which calls http.Client.Do\)`
		body, err := fetch(ctx, c, url)
		if err != nil {
			log.Printf("fetch %s: %v, retrying", url, err)
			continue
		}
		return body
	}
}

type limiter interface {
	Wait(ctx context.Context) error
}

func fetchRateLimited(ctx context.Context, c *http.Client, lim limiter, url string) []byte {
	for {
		if err := lim.Wait(ctx); err != nil {
			return nil
		}
		body, err := fetch(ctx, c, url)
		if err != nil {
			continue
		}
		return body
	}
}

func sendLoggingFailures(conn net.Conn, msg []byte) {
	for attempt := range 3 { // want `\[retry-no-backoff\] this loop retries net.Conn.Write after a failure with no wait between attempts: its 3 attempts go out back to back`
		_, err := conn.Write(msg)
		if err == nil {
			return
		}
		log.Printf("attempt %d: %v", attempt, err)
	}
}

func sendOnTick(conn net.Conn, msg []byte, tick *time.Ticker) {
	for range tick.C { // ranging over a ticker waits for each tick
		if _, err := conn.Write(msg); err != nil {
			log.Print(err)
			continue
		}
		return
	}
}

func pollingCtxDoesNotWait(ctx context.Context, c *http.Client, req *http.Request) (*http.Response, error) {
	for { // want `\[retry-no-backoff\] this loop retries http.Client.Do`
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		default: // a select with a default never blocks
		}
		resp, err := c.Do(req)
		if err != nil {
			continue
		}
		return resp, nil
	}
}

func pollingCtxAndWaiting(ctx context.Context, c *http.Client, req *http.Request) (*http.Response, error) {
	for {
		resp, err := c.Do(req)
		if err == nil {
			return resp, nil
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(time.Second):
		}
	}
}
