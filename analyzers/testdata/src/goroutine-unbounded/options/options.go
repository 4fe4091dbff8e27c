// Package goroutineunboundedoptions holds the fixtures of
// goroutine-unbounded under small-loop = 2 and errgroup-limit = 4.
package goroutineunboundedoptions

import (
	"context"

	"golang.org/x/sync/errgroup"
)

func fetch(string) {}

// Three replicas are above small-loop = 2.
func replicas() {
	for i := 0; i < 3; i++ {
		go fetch("replica") // want `\[goroutine-unbounded\] go statement in a loop starts 3 goroutines at once`
	}
}

// Safe twin: two are within it.
func pair() {
	for i := 0; i < 2; i++ {
		go fetch("replica")
	}
}

// The fix uses errgroup-limit.
func shards(ctx context.Context, names []string) error {
	g, ctx := errgroup.WithContext(ctx)
	for _, n := range names {
		g.Go(func() error { fetch(n); return ctx.Err() }) // want `\[goroutine-unbounded\] errgroup.Group.Go in a loop on a group without SetLimit`
	}
	return g.Wait()
}
