package retrynobackoff

import (
	"context"
	"errors"
	"time"
)

// The first test leaves on a cancelled context, the else-if retries every
// other error without waiting.
func publishElseIfHot(ctx context.Context, q Queue, msg []byte) error {
	var err error
	for try := range 5 { // want `\[retry-no-backoff\] this loop retries Queue.Publish`
		err = q.Publish(ctx, msg)
		if errors.Is(err, context.Canceled) {
			break
		} else if err != nil {
			_ = try
			continue
		}
		break
	}
	return err
}

// The same chain waits before the next attempt.
func publishElseIfWaiting(ctx context.Context, q Queue, msg []byte) error {
	var err error
	for try := range 5 {
		err = q.Publish(ctx, msg)
		if errors.Is(err, context.Canceled) {
			break
		} else if err != nil {
			time.Sleep(time.Second << try)
			continue
		}
		break
	}
	return err
}
