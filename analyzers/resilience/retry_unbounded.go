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
				"for the same call) that end only when the call succeeds: loops meant to run forever whose success path " +
				"also comes back (pollers, consumers) are not candidates; those are retry-no-backoff's business.",
		},
		Quiet: rule.Declare(rule.Forms(unboundedQuiet)),
		Run:   runRetryUnbounded,
	}
}

func runRetryUnbounded(p *rule.Pass) error {
	_, loops := retryLoopsOf(p)
	for _, rl := range loops {
		if !rl.untilSuccess || rule.Quiet(p, loopHead(rl.loop.Node()), unboundedQuiet, rl) {
			continue
		}
		p.Reportf(loopHead(rl.loop.Node()), "this loop retries %s until it succeeds, with no attempt limit and no "+
			"exit on ctx.Done()/ctx.Err(): a permanent failure keeps it running, and billing, forever, even after "+
			"the caller has gone; bound the attempts (for attempt := 0; attempt < maxAttempts; attempt++) and "+
			"return ctx.Err() when the context is done", rl.api)
	}
	return nil
}
