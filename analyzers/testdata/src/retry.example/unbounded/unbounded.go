// Package unbounded retries helpers of another package until they succeed.
package unbounded

import (
	"context"
	"time"

	"retry.example/client"
)

func waitForService(ctx context.Context, a *client.API) int {
	for { // want `\[retry-unbounded\] this loop retries client.API.Status \(which calls http.Client.Do\) until it succeeds, with no attempt limit, and never looks at ctx`
		code, err := a.Status(ctx)
		if err == nil {
			return code
		}
		time.Sleep(time.Second)
	}
}

func waitForServiceOrDone(ctx context.Context, a *client.API) (int, error) {
	for {
		code, err := a.Status(ctx)
		if err == nil {
			return code, nil
		}
		select {
		case <-ctx.Done():
			return 0, ctx.Err()
		case <-time.After(time.Second):
		}
	}
}

// ParsePort is pure: the loop is pointless but not a retry of the network.
func parseUntilValid(ctx context.Context, s string) int {
	for {
		if n, err := client.ParsePort(ctx, s); err == nil {
			return n
		}
		time.Sleep(time.Second)
	}
}
