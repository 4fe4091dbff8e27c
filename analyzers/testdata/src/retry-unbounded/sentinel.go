package retryunbounded

import (
	"context"
	"errors"
	"strings"
)

// Output is a sink whose implementations are not in view.
type Output interface {
	WaitForClose(ctx context.Context) error
	Flush(ctx context.Context) error
	Exec(ctx context.Context, q string) error
	Push(msg []byte) error
}

var errReset = errors.New("writer reset: feed the body again")

// The call repeated is itself a wait: it blocks until the sink closes.
func quietWaitsForEvent(out Output, done func()) {
	for {
		if err := out.WaitForClose(context.Background()); err == nil {
			done()
			return
		}
	}
}

// The same loop around a call that sends is a retry.
func flushUntilDone(out Output, done func()) {
	for { // want `\[retry-unbounded\] this loop retries Output.Flush`
		if err := out.Flush(context.Background()); err == nil {
			done()
			return
		}
	}
}

// Goes round again only when the body must be fed again; any other error
// returns.
func quietContinuesOnlyOnNonFailure(out Output, msg []byte) error {
	for {
		err := out.Push(msg)
		if errors.Is(err, errReset) {
			continue
		}
		return err
	}
}

// A sentinel that says the peer is down for now is a retry, and with no
// context nothing stops it.
func pushWhileUnavailable(out Output, msg []byte) error {
	for { // want `\[retry-unbounded\] this loop retries Output.Push`
		err := out.Push(msg)
		if errors.Is(err, errUnavailable) {
			continue
		}
		return err
	}
}

// Goes round again only on a lock error of a call given ctx: once ctx
// ends the call fails otherwise and the loop returns.
func execUnlocked(ctx context.Context, out Output, q string) error {
	for {
		err := out.Exec(ctx, q)
		if err != nil {
			if strings.Contains(err.Error(), "connection reset") {
				continue
			}
			return err
		}
		return nil
	}
}

// Every error goes round again, the ctx error too.
func execUntilDone(ctx context.Context, out Output, q string) error {
	for { // want `\[retry-unbounded\] this loop retries Output.Exec`
		err := out.Exec(ctx, q)
		if err != nil {
			continue
		}
		return nil
	}
}
