// Package errgroup synthesizes golang.org/x/sync/errgroup for tests.
package errgroup

import "context"

// A Group is a collection of goroutines working on subtasks of a common task.
type Group struct {
	limit int
}

// WithContext returns a new Group and a derived Context.
func WithContext(ctx context.Context) (*Group, context.Context) {
	return &Group{}, ctx
}

// Wait blocks until all function calls from the Go method have returned.
func (g *Group) Wait() error { return nil }

// Go calls the given function in a new goroutine.
func (g *Group) Go(f func() error) { go f() }

// TryGo calls the given function in a new goroutine only if the number of
// active goroutines in the group is currently below the configured limit.
func (g *Group) TryGo(f func() error) bool { go f(); return true }

// SetLimit limits the number of active goroutines in this group to at most n.
func (g *Group) SetLimit(n int) { g.limit = n }
