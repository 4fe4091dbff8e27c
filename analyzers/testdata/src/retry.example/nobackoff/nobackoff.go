// Package nobackoff retries helpers of another package: the summaries of
// that package say which of them reach the network.
package nobackoff

import (
	"context"
	"errors"

	"retry.example/client"
)

var errGaveUp = errors.New("gave up")

func statusHot(ctx context.Context, a *client.API) (int, error) {
	for i := 0; i < 5; i++ { // want `\[retry-no-backoff\] this loop retries client.API.Status \(which calls http.Client.Do\) after a failure with no wait`
		code, err := a.Status(ctx)
		if err != nil {
			continue
		}
		return code, nil
	}
	return 0, errGaveUp
}

func publishHot(ctx context.Context, c *client.Conn, msg []byte) error {
	for i := 0; i < 5; i++ { // want `\[retry-no-backoff\] this loop retries client.Conn.Publish \(which calls net.Conn.Write\) after a failure with no wait`
		if err := c.Publish(ctx, msg); err == nil {
			return nil
		}
	}
	return errGaveUp
}

// ParsePort is pure: trying it again is pointless but costs the network
// nothing.
func parseAgain(ctx context.Context, s string) int {
	for i := 0; i < 5; i++ {
		if n, err := client.ParsePort(ctx, s); err == nil {
			return n
		}
	}
	return 0
}
