package retryunbounded

import (
	"context"
	"errors"
	"net"
	"time"
)

// Broker is a client whose implementations are not in view.
type Broker interface {
	Subscribe(ctx context.Context, topic string) error
}

// The loop receives a ctx and hands it to each attempt, but never looks at
// it between attempts.
func subscribeUntilUp(ctx context.Context, b Broker, topic string) {
	for { // want `\[retry-unbounded\] this loop retries Broker.Subscribe \(an interface method that takes a context\) until it succeeds, with no attempt limit, and never looks at ctx`
		if err := b.Subscribe(ctx, topic); err == nil {
			return
		}
		time.Sleep(time.Second)
	}
}

func subscribeUntilUpOrDone(ctx context.Context, b Broker, topic string) error {
	for {
		if err := b.Subscribe(ctx, topic); err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		time.Sleep(time.Second)
	}
}

// A reconnect loop with a wait that doubles up to a cap and no context: at
// most one attempt per capped wait, and reconnecting is its job.
func reconnect(addr string) net.Conn {
	delay := 100 * time.Millisecond
	for {
		conn, err := net.Dial("tcp", addr)
		if err == nil {
			return conn
		}
		time.Sleep(delay)
		delay *= 2
		if delay > 30*time.Second {
			delay = 30 * time.Second
		}
	}
}

func redialMin(addr string) net.Conn {
	delay := 100 * time.Millisecond
	for {
		conn, err := net.Dial("tcp", addr)
		if err == nil {
			return conn
		}
		time.Sleep(delay)
		delay = min(delay*2, 30*time.Second)
	}
}

// The same loop with a ctx it never looks at is reported: the caller's
// cancellation does not stop it.
func redialIgnoringCtx(ctx context.Context, addr string) net.Conn {
	var d net.Dialer
	delay := 100 * time.Millisecond
	for { // want `\[retry-unbounded\] this loop retries net.Dialer.DialContext until it succeeds, with no attempt limit, and never looks at ctx`
		conn, err := d.DialContext(ctx, "tcp", addr)
		if err == nil {
			return conn
		}
		time.Sleep(delay)
		delay = min(delay*2, 30*time.Second)
	}
}

// A fixed wait and no context: reported, with nothing to stop it.
func reconnectFixed(addr string) net.Conn {
	for { // want `\[retry-unbounded\] this loop retries net.Dial until it succeeds, with no attempt limit, no deadline and no context`
		conn, err := net.Dial("tcp", addr)
		if err == nil {
			return conn
		}
		time.Sleep(time.Second)
	}
}

// A poller that runs on a ticker and keeps going after a success is not a
// retry until success.
func poll(ctx context.Context, b Broker) {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for range t.C {
		if err := b.Subscribe(ctx, "jobs"); err != nil {
			continue
		}
	}
}

// for err != nil around a function-typed parameter.
func untilNoError(ctx context.Context, op func(context.Context) error) {
	err := op(ctx)
	for err != nil { // want `\[retry-unbounded\] this loop retries op \(a function-typed parameter\) until it succeeds, with no attempt limit, and never looks at ctx`
		time.Sleep(time.Second)
		err = op(ctx)
	}
}

func untilNoErrorCounted(ctx context.Context, op func(context.Context) error) {
	err := op(ctx)
	for tries := 0; err != nil && tries < 5; tries++ {
		time.Sleep(time.Second)
		err = op(ctx)
	}
}

// Leaves when a stop channel is closed.
func retryUntilStopped(stop <-chan struct{}, op func() error) error {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		err := op()
		if err == nil {
			return nil
		}
		select {
		case <-stop:
			return err
		case <-t.C:
		}
	}
}

// A policy function decides from the count whether to go on, and the wait
// is given the context and its answer ends the loop.
func retryWithPolicy(ctx context.Context, op func() error, decide func(err error, runs int) (bool, error)) error {
	runs := 0
	for {
		err := op()
		if err == nil {
			return nil
		}
		runs++
		again, final := decide(err, runs)
		if !again {
			return final
		}
		if !sleepCtx(ctx, time.Second) {
			return ctx.Err()
		}
	}
}

func sleepCtx(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

var errUnavailable = errors.New("unavailable")

// Retries only while the broker is unavailable: once ctx is done the call
// fails with ctx's error instead, and the loop returns it.
func subscribeWhileUnavailable(ctx context.Context, b Broker) error {
	for {
		err := b.Subscribe(ctx, "jobs")
		if errors.Is(err, errUnavailable) {
			time.Sleep(time.Second)
			continue
		}
		return err
	}
}

// The same selective retry with no context given to the call is reported.
func dialWhileRefused(addr string) (net.Conn, error) {
	for { // want `\[retry-unbounded\] this loop retries net.Dial until it succeeds`
		conn, err := net.Dial("tcp", addr)
		if errors.Is(err, errUnavailable) {
			time.Sleep(time.Second)
			continue
		}
		return conn, err
	}
}
