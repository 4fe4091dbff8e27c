package resilience

import (
	"go/ast"

	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// unboundedLoop is a retry loop that ends only when the call succeeds, a
// candidate of retry-unbounded.
type unboundedLoop struct {
	p  *rule.Pass
	rl retryLoop
}

// unboundedQuiet are the safe forms of a retry loop that ends only when
// the call succeeds, a candidate of retry-unbounded.
var unboundedQuiet = []rule.QuietForm[unboundedLoop]{
	{
		Name: "attempts-bounded",
		Doc: "The loop has an attempt bound: a range (over an int, a slice of delays), a condition or an if-and-exit " +
			"that compares a counter the loop steps (attempt < maxAttempts) or a time (time.Since(start) > budget, " +
			"deadline.Before(now)), or a loop condition that calls a function the analysis cannot judge (shouldRetry()), " +
			"or a decision a function makes from the count (again, err := decide(err, runs); if !again { return err }), " +
			"or an if attempt < max { continue } followed by a give-up.",
		Applies: func(c unboundedLoop) bool { return c.rl.flow.bounded() },
	},
	{
		Name: "exits-on-context",
		Doc: "The loop exits on its context: it calls ctx.Done() or ctx.Err(), tests context.Canceled or " +
			"context.DeadlineExceeded, or leaves on the answer of a call given the context (if !sleepCtx(ctx, d) " +
			"{ return }); or it leaves on a closed stop channel (a chan struct{} case of a select that returns).",
		Applies: func(c unboundedLoop) bool { return c.rl.flow.exitsOnCtx(c.rl.call.Node()) },
	},
	{
		Name: "retries-selected-errors",
		Doc: "A loop that retries only on some errors (errors.Is(err, errUnavailable), a status code) of a call given " +
			"the context: once the context is done the call fails with its error, which the loop does not retry.",
		Applies: func(c unboundedLoop) bool {
			return c.rl.flow.selective && passesContext(c.p.TypesInfo, c.rl.call.Node().(*ast.CallExpr))
		},
	},
	{
		Name: "capped-reconnect",
		Doc: "A reconnect loop in a function with no context.Context parameter whose wait grows to a cap (delay *= 2 " +
			"then capped by an if or min(delay*2, maxDelay)): it sends at most one attempt per capped wait, and " +
			"reconnecting until the peer is back is its job.",
		Applies: func(c unboundedLoop) bool { return isCappedReconnect(c.p.TypesInfo, c.rl.loop) },
	},
	{
		Name: "continues-only-on-non-failure",
		Doc: "The loop comes back only on a test that does not mean the peer failed (retry-no-backoff's form of the " +
			"same name: one sentinel such as a reset or a stale pooled connection, a local database lock message, a " +
			"flag set once, a compare-and-swap conflict), and every other error leaves.",
		Applies: func(c unboundedLoop) bool { return continuesOnlyOnNonFailure(c.rl) },
	},
	{
		Name: "waits-for-event",
		Doc: "The call the loop repeats is itself a wait given a context (a method named Wait..., such as " +
			"WaitForClose(ctx)): it blocks until the event or the context's end, so the loop waits rather than sending " +
			"attempts to a peer.",
		Applies: func(c unboundedLoop) bool { return retriedCallWaits(c.p.TypesInfo, c.rl.call) },
	},
}
