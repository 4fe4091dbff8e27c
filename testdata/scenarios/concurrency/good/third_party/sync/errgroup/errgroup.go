// Package errgroup is a minimal stand-in for golang.org/x/sync/errgroup,
// with the same API, so that the scenario builds without the network.
package errgroup

import (
	"context"
	"sync"
)

// A Group runs functions in goroutines, waits for them and keeps the first
// error. The zero Group is ready to use and has no limit.
type Group struct {
	cancel func(error)
	wg     sync.WaitGroup
	slots  chan struct{}

	once sync.Once
	err  error
}

// WithContext returns a Group whose context is cancelled by the first error.
func WithContext(ctx context.Context) (*Group, context.Context) {
	ctx, cancel := context.WithCancelCause(ctx)
	return &Group{cancel: cancel}, ctx
}

// Go runs f in a new goroutine, waiting first for a free slot when the
// Group has a limit.
func (g *Group) Go(f func() error) {
	if g.slots != nil {
		g.slots <- struct{}{}
	}
	g.wg.Add(1)
	go func() {
		defer g.done()
		if err := f(); err != nil {
			g.once.Do(func() {
				g.err = err
				if g.cancel != nil {
					g.cancel(err)
				}
			})
		}
	}()
}

// SetLimit bounds the number of goroutines running at once; a negative n
// removes the limit. It must not be called while goroutines are running.
func (g *Group) SetLimit(n int) {
	if n < 0 {
		g.slots = nil
		return
	}
	g.slots = make(chan struct{}, n)
}

// Wait blocks until every goroutine has returned and reports the first error.
func (g *Group) Wait() error {
	g.wg.Wait()
	if g.cancel != nil {
		g.cancel(g.err)
	}
	return g.err
}

func (g *Group) done() {
	if g.slots != nil {
		<-g.slots
	}
	g.wg.Done()
}
