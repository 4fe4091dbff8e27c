package goroutineunbounded

import (
	"context"

	"golang.org/x/sync/errgroup"
)

func work(ctx context.Context, j job) error { return nil }

// An errgroup without a limit starts every task at once.
func groupNoLimit(ctx context.Context, jobs []job) error {
	g, ctx := errgroup.WithContext(ctx)
	for _, j := range jobs {
		g.Go(func() error { return work(ctx, j) }) // want `\[goroutine-unbounded\] errgroup.Group.Go in a loop on a group without SetLimit starts every task at once`
	}
	return g.Wait()
}

// Safe twin: SetLimit bounds it.
func groupLimited(ctx context.Context, jobs []job) error {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(10)
	for _, j := range jobs {
		g.Go(func() error { return work(ctx, j) })
	}
	return g.Wait()
}

// A zero Group without a limit, TryGo, and a labeled loop.
func zeroGroup(ctx context.Context, jobs []job) {
	var g errgroup.Group
outer:
	for _, j := range jobs {
		if !g.TryGo(func() error { return work(ctx, j) }) { // want `\[goroutine-unbounded\] errgroup.Group.TryGo in a loop on a group without SetLimit`
			break outer
		}
	}
	_ = g.Wait()
}

// No fix: the group already runs a goroutine before the loop.
func startedBefore(ctx context.Context, jobs []job) error {
	g := new(errgroup.Group)
	g.Go(func() error { return nil })
	for _, j := range jobs {
		g.Go(func() error { return work(ctx, j) }) // want `\[goroutine-unbounded\] errgroup.Group.Go in a loop on a group without SetLimit`
	}
	return g.Wait()
}

// Safe: a group handed in may be limited by its creator.
func groupParam(ctx context.Context, g *errgroup.Group, jobs []job) {
	for _, j := range jobs {
		g.Go(func() error { return work(ctx, j) })
	}
}

// Safe: the group is passed on, so its limit may be set elsewhere.
func groupConfigured(ctx context.Context, jobs []job) error {
	g := &errgroup.Group{}
	configure(g)
	for _, j := range jobs {
		g.Go(func() error { return work(ctx, j) })
	}
	return g.Wait()
}

func configure(g *errgroup.Group) { g.SetLimit(4) }

// A group made as a value literal is as fresh as a zero Group.
func valueLiteralGroup(ctx context.Context, jobs []job) error {
	g := errgroup.Group{}
	for _, j := range jobs {
		g.Go(func() error { return work(ctx, j) }) // want `\[goroutine-unbounded\] errgroup.Group.Go in a loop on a group without SetLimit`
	}
	return g.Wait()
}
