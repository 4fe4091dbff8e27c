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
		Enabled:  false, // opt-in: on unseen code its loops were waits, reconnects meant to run for the process's life, or not retries

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
			Quiet: "Off by default (enable it in rules.toml to audit a code base): judged on real code it had never " +
				"seen, none of its findings was a retry worth bounding. The loops it found were waits that fail " +
				"only when their context ends, reconnect loops of a persistent connection that must keep trying " +
				"for the life of the process (with a growing, capped delay), retries of a local lock whose call " +
				"is given the caller's context, or loops that skip to the next item; an attempt cap would be the " +
				"wrong fix for each, and the difference is intent the types do not show. When enabled: it reports the retry loops retry-no-backoff recognises (a call that may reach the network, whose error " +
				"path comes back for the same call) that end only when the call succeeds: loops meant to run forever whose " +
				"success path also comes back (pollers, consumers) are not candidates; those are retry-no-backoff's " +
				"business. Retry by recursion counts its attempts down and is not reported here. A loop that has a " +
				"context within reach (a context.Context parameter of its function, or one the loop uses) and never looks " +
				"at it is reported as ignoring it.",
		},
		Quiet: rule.Declare(rule.Forms(unboundedQuiet)),
		Run:   runRetryUnbounded,
	}
}

func runRetryUnbounded(p *rule.Pass) error {
	_, loops := retryLoopsOf(p)
	for _, rl := range loops {
		if rl.self != nil || !rl.untilSuccess || rule.Quiet(p, loopHead(rl.loop.Node()), unboundedQuiet, unboundedLoop{p, rl}) {
			continue // a recursion counts its attempts down; the others end or watch ctx
		}
		ctx := rl.flow.contextInScope()
		if ctx != "" {
			p.Reportf(loopHead(rl.loop.Node()), "this loop retries %s until it succeeds, with no attempt limit, and "+
				"never looks at %s: once the caller has gone or its deadline has passed it keeps retrying, and a "+
				"permanent failure keeps it running forever; return %s.Err() when %s.Done() is closed, or bound the "+
				"attempts (for attempt := 0; attempt < maxAttempts; attempt++)", rl.api, ctx, ctx, ctx)
			continue
		}
		p.Reportf(loopHead(rl.loop.Node()), "this loop retries %s until it succeeds, with no attempt limit, no "+
			"deadline and no context: a permanent failure (revoked credentials, a removed endpoint) keeps it "+
			"running, and billing, forever, and nothing can stop it; bound the attempts (for attempt := 0; "+
			"attempt < maxAttempts; attempt++) or take a context and return ctx.Err() when it is done", rl.api)
	}
	return nil
}
