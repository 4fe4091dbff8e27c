// Package backoff synthesizes github.com/cenkalti/backoff/v4 for tests.
package backoff

import "time"

// Stop indicates that no more retries should be made.
const Stop time.Duration = -1

// BackOff is a backoff policy for retrying an operation.
type BackOff interface {
	NextBackOff() time.Duration
	Reset()
}

// ExponentialBackOff increases the back off period exponentially.
type ExponentialBackOff struct {
	InitialInterval time.Duration
	MaxElapsedTime  time.Duration
}

// ExponentialBackOffOpts is a function type used to configure ExponentialBackOff options.
type ExponentialBackOffOpts func(*ExponentialBackOff)

// NewExponentialBackOff creates an instance of ExponentialBackOff using default values.
func NewExponentialBackOff(opts ...ExponentialBackOffOpts) *ExponentialBackOff {
	return &ExponentialBackOff{}
}

// NextBackOff calculates the next backoff interval.
func (b *ExponentialBackOff) NextBackOff() time.Duration { return 0 }

// Reset the interval back to the initial retry interval.
func (b *ExponentialBackOff) Reset() {}

// Operation is executed by Retry.
type Operation func() error

// Retry the operation o until it does not return error or BackOff stops.
func Retry(o Operation, b BackOff) error { return nil }
