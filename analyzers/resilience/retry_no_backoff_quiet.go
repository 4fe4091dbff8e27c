package resilience

import "github.com/prodlint/prodlint/analyzers/internal/rule"

// noBackoffLoop is a retry loop, a candidate of retry-no-backoff.
type noBackoffLoop struct {
	p  *rule.Pass
	pf *packageFacts
	rl retryLoop
}

// noBackoffQuiet are the safe forms of a retry loop.
var noBackoffQuiet = []rule.QuietForm[noBackoffLoop]{
	{
		Name: "waits-between-attempts",
		Doc: "The loop waits anywhere: time.Sleep, time.After, a timer or ticker, a channel receive, a select with no " +
			"default (a timer or ctx.Done() case), anything from github.com/cenkalti/backoff, or a call whose name " +
			"contains Backoff, Sleep or Wait (rate.Limiter.Wait, a policy's Backoff func), also inside a function of " +
			"the package.",
		Applies: func(c noBackoffLoop) bool { return waitsIn(c.p.TypesInfo, c.rl.loop, c.pf) },
	},
	{
		Name: "reroutes-after-deadline",
		Doc: "A bounded loop (an attempt count) that comes back only from a test of context.Canceled or " +
			"context.DeadlineExceeded (errors.Is, or an Is of the same signature from another errors package, or ==) " +
			"after reassigning the receiver of the call (a new peer), and otherwise leaves: each attempt follows one " +
			"that waited out a deadline, or fails at once on a context that is over, and goes to another target; the " +
			"same loop against the same target is still reported.",
		Applies: func(c noBackoffLoop) bool { return c.rl.self == nil && reroutesOnContextError(c.rl) },
	},
	{
		Name: "retries-only-after-deadline",
		Doc: "A loop that comes back only after a test that the error is context.DeadlineExceeded and otherwise " +
			"leaves: each attempt followed one that waited out a deadline.",
		Applies: func(c noBackoffLoop) bool { return c.rl.self == nil && retriesOnlyAfterDeadline(c.rl) },
	},
}
