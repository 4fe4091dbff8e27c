package resilience

import "github.com/prodlint/prodlint/analyzers/internal/rule"

// unboundedQuiet are the safe forms of a retry loop that ends only when
// the call succeeds, a candidate of retry-unbounded.
var unboundedQuiet = []rule.QuietForm[retryLoop]{
	{
		Name: "attempts-bounded",
		Doc: "The loop has an attempt bound: a range (over an int, a slice of delays), a condition or an if-and-exit " +
			"that compares a counter the loop steps (attempt < maxAttempts) or a time (time.Since(start) > budget, " +
			"deadline.Before(now)), or a loop condition that calls a function the analysis cannot judge (shouldRetry()), " +
			"or a decision a function makes from the count (again, err := decide(err, runs); if !again { return err }), " +
			"or an if attempt < max { continue } followed by a give-up.",
		Applies: func(rl retryLoop) bool { return rl.flow.bounded() },
	},
	{
		Name: "exits-on-context",
		Doc: "The loop exits on its context: it calls ctx.Done() or ctx.Err(), tests context.Canceled or " +
			"context.DeadlineExceeded, or leaves on the answer of a call given the context (if !sleepCtx(ctx, d) " +
			"{ return }); or it leaves on a closed stop channel (a chan struct{} case of a select that returns).",
		Applies: func(rl retryLoop) bool { return rl.flow.exitsOnCtx(rl.call.Node()) },
	},
}
