package retrynobackoff

import (
	"context"
	"errors"
	"strings"
)

// Bucket is an object store whose implementations are not in view.
type Bucket interface {
	Generation(ctx context.Context, key string) (int64, error)
	Put(ctx context.Context, key string, data []byte, ifGeneration int64) error
	Exec(ctx context.Context, q string) error
	Send(ctx context.Context, msg []byte, forceTCP bool) (bool, error)
}

var (
	errStaleConn    = errors.New("cached connection was closed before the request was sent")
	errRateLimited  = errors.New("rate limited")
	errPreconditon  = errors.New("precondition failed")
	errUnauthorized = errors.New("unauthorized")
)

func isConflict(err error) bool { return errors.Is(err, errPreconditon) }

// A compare-and-swap: the loop goes round again only when another writer
// won, with the generation read afresh; every other error returns.
func putIfUnchanged(ctx context.Context, b Bucket, key string, data []byte) error {
	for {
		gen, err := b.Generation(ctx, key)
		if err != nil {
			return err
		}
		if err := b.Put(ctx, key, data, gen); err != nil {
			if isConflict(err) {
				continue
			}
			return err
		}
		return nil
	}
}

// The same test with no fresh read: a write sent again as it was.
func putUntilNoConflict(ctx context.Context, b Bucket, key string, data []byte, gen int64) error {
	for { // want `\[retry-no-backoff\] this loop retries Bucket.Put`
		if err := b.Put(ctx, key, data, gen); err != nil {
			if isConflict(err) {
				continue
			}
			return err
		}
		return nil
	}
}

// Sent again at once only when a pooled connection turned out stale
// before the request went out, or once over TCP.
func quietContinuesOnlyOnNonFailure(ctx context.Context, b Bucket, msg []byte) (bool, error) {
	forceTCP := false
	for {
		truncated, err := b.Send(ctx, msg, forceTCP)
		if err == errStaleConn {
			continue
		}
		if truncated && !forceTCP {
			forceTCP = true
			continue
		}
		return truncated, err
	}
}

// A sentinel that says the peer refused for now is a retry.
func sendUntilNotLimited(ctx context.Context, b Bucket, msg []byte) error {
	for { // want `\[retry-no-backoff\] this loop retries Bucket.Send`
		_, err := b.Send(ctx, msg, false)
		if errors.Is(err, errRateLimited) {
			continue
		}
		return err
	}
}

// A flag tested but never set: every failure sends again.
func sendWhileTruncated(ctx context.Context, b Bucket, msg []byte, forceTCP bool) error {
	for { // want `\[retry-no-backoff\] this loop retries Bucket.Send`
		_, err := b.Send(ctx, msg, forceTCP)
		if err != nil && !forceTCP {
			continue
		}
		return err
	}
}

// Goes round again only on a local embedded database's lock error.
func execUnlocked(ctx context.Context, b Bucket, q string) error {
	for {
		err := b.Exec(ctx, q)
		if err != nil {
			if strings.Contains(err.Error(), "database is locked") {
				continue
			}
			return err
		}
		return nil
	}
}

// Any other message is an upstream failure sent again at once.
func execUntilUp(ctx context.Context, b Bucket, q string) error {
	for { // want `\[retry-no-backoff\] this loop retries Bucket.Exec`
		err := b.Exec(ctx, q)
		if err != nil {
			if strings.Contains(err.Error(), "connection refused") {
				continue
			}
			return err
		}
		return nil
	}
}

var _ = errUnauthorized
