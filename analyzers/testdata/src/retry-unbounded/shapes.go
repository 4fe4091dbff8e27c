package retryunbounded

import (
	"context"
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

func reconnectMin(addr string) net.Conn {
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
func reconnectIgnoringCtx(ctx context.Context, addr string) net.Conn {
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
