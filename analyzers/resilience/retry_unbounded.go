package resilience

import (
	"golang.org/x/tools/go/analysis"

	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// RetryUnbounded returns the retry-unbounded rule.
func RetryUnbounded() *rule.Rule {
	return &rule.Rule{
		ID:       "retry-unbounded",
		Severity: config.SeverityError,
		Enabled:  true,
		Imports:  networkImports(),
		Requires: []*analysis.Analyzer{retryLoopsAnalyzer},
		Doc: rule.Doc{
			Title: "report retry loops with no attempt limit and no exit on ctx",
			Why: "A retry loop against an API that keeps failing runs all night, and when every attempt is billed, " +
				"so does the bill. A loop that retries a network call until it succeeds, with no attempt limit, no " +
				"deadline and no look at its context, never gives up on a permanent failure (a revoked key, a " +
				"removed endpoint, a dropped table): it keeps spending money and connections, holds the caller " +
				"forever, and keeps running after the request that started it was cancelled.",
			Bad: "for {\n\tif err := db.PingContext(ctx); err == nil {\n\t\treturn nil\n\t}\n\ttime.Sleep(time.Second)\n}",
			Good: "for attempt := 0; attempt < 5; attempt++ {\n\tif err := db.PingContext(ctx); err == nil {\n" +
				"\t\treturn nil\n\t}\n\tselect {\n\tcase <-ctx.Done():\n\t\treturn ctx.Err()\n" +
				"\tcase <-time.After(time.Second << attempt):\n\t}\n}\nreturn errDatabaseDown",
			Quiet: "Reports the retry loops retry-no-backoff recognises (a network call whose error path comes back " +
				"for the same call) that end only when the call succeeds. Quiet when the loop has an attempt bound: " +
				"a range (over an int, a slice of delays), a condition or an if-and-exit that compares a counter the " +
				"loop steps (attempt < maxAttempts) or a time (time.Since(start) > budget, deadline.Before(now)), " +
				"or a loop condition that calls a function the analysis cannot judge (shouldRetry()). Quiet when " +
				"the loop exits on its context: it calls ctx.Done() or ctx.Err(), or tests context.Canceled or " +
				"context.DeadlineExceeded. Quiet on loops meant to run forever whose success path also comes back " +
				"(pollers, consumers): those are retry-no-backoff's business. Quiet on a loop whose wait grows every round " +
				"and is capped (wait *= 2; if wait > max { wait = max }, or wait = min(wait*2, max)) in a function with no " +
				"context.Context parameter: a reconnect loop that keeps a long-lived connection for the life of the process, " +
				"where an attempt bound would leave it disconnected for good after a long outage.",
		},
		Run: runRetryUnbounded,
	}
}

func runRetryUnbounded(p *rule.Pass) error {
	_, loops := retryLoopsOf(p)
	for _, rl := range loops {
		if !rl.untilSuccess || rl.flow.bounded() || rl.flow.exitsOnCtx() {
			continue
		}
		if isCappedReconnect(p.TypesInfo, rl.loop) {
			continue // reconnects for the life of the process, one attempt per capped interval at most
		}
		p.Reportf(loopHead(rl.loop.Node()), "this loop retries %s until it succeeds, with no attempt limit and no "+
			"exit on ctx.Done()/ctx.Err(): a permanent failure keeps it running, and billing, forever, even after "+
			"the caller has gone; bound the attempts (for attempt := 0; attempt < maxAttempts; attempt++) and "+
			"return ctx.Err() when the context is done", rl.api)
	}
	return nil
}
