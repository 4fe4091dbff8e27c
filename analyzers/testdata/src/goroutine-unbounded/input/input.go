package goroutineunboundedinput

import (
	"context"
	"database/sql"
	"encoding/json"
	"net/http"
	"sync"

	"golang.org/x/sync/errgroup"
	"golang.org/x/sync/semaphore"
)

type item struct{ id int }

// handle sends the item to a backend: each goroutine holds a connection.
func handle(it item) { _, _ = http.Get("http://backend/items") }

// Outside request-serving code a parameter is not taken as input by
// default: most are lists the program built (configured domains, a
// model's operands). all-loops reports it.
func ProcessAll(items []item) {
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			handle(it)
		}()
	}
	wg.Wait()
}

// Safe twin: a buffered channel taken before each start bounds them.
func ProcessAllGated(items []item) {
	var wg sync.WaitGroup
	sem := make(chan struct{}, 8)
	for _, it := range items {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			handle(it)
		}()
	}
	wg.Wait()
}

// Safe twin: semaphore.Weighted.
func processAllWeighted(ctx context.Context, items []item) error {
	sem := semaphore.NewWeighted(8)
	for _, it := range items {
		if err := sem.Acquire(ctx, 1); err != nil {
			return err
		}
		go func() {
			defer sem.Release(1)
			handle(it)
		}()
	}
	return nil
}

// Safe twin: a fixed pool of workers reads the parameter's elements from a
// channel.
func processAllPooled(items []item, workers int) {
	queue := make(chan item)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for it := range queue {
				handle(it)
			}
		})
	}
	for _, it := range items {
		queue <- it
	}
	close(queue)
	wg.Wait()
}

// Safe twin: a constant-bounded loop.
func processFour(items []item) {
	for i := range 4 {
		go handle(items[i])
	}
}

// An errgroup with no limit per row of a query result; the fix sets one.
func refreshAll(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT id FROM items")
	if err != nil {
		return err
	}
	defer rows.Close()
	var ids []item
	for rows.Next() {
		var it item
		if err := rows.Scan(&it.id); err != nil {
			return err
		}
		ids = append(ids, it)
	}
	g, ctx := errgroup.WithContext(ctx)
	for _, it := range ids {
		g.Go(func() error { handle(it); return ctx.Err() }) // want `\[goroutine-unbounded\] errgroup.Group.Go on a group without SetLimit runs a task per element of ids \(a query result\) all at once: .*call SetLimit on the group before the loop`
	}
	return g.Wait()
}

// Safe twin: the group has a limit.
func refreshAllLimited(ctx context.Context, ids []item) error {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(8)
	for _, it := range ids {
		g.Go(func() error { handle(it); return ctx.Err() })
	}
	return g.Wait()
}

type batch struct {
	Items []item `json:"items"`
}

type pooled struct{ idle chan *item }

func (it *item) Close() error { return nil }

// Safe twin: a channel the function closed is drained, a count its buffer
// sets.
func (p *pooled) drain() {
	close(p.idle)
	for c := range p.idle {
		go handle(*c)
	}
}

// Safe twin: a non-blocking receive (select with default) takes what is
// buffered, it does not wait for a stream.
func (p *pooled) get() *item {
	for {
		select {
		case c := <-p.idle:
			if c.id < 0 {
				go c.Close()
				continue
			}
			return c
		default:
			return nil
		}
	}
}

// A goroutine per element of a decoded payload.
func handleBatch(body []byte) error {
	var b batch
	if err := json.Unmarshal(body, &b); err != nil {
		return err
	}
	for _, it := range b.Items {
		go handle(it) // want `\[goroutine-unbounded\] go statement starts a goroutine per element of b.Items \(decoded input\)`
	}
	return nil
}

type store interface {
	Pending(ctx context.Context) ([]item, error)
	Configured() []item
}

// A goroutine per element fetched from a store.
func drainPending(ctx context.Context, st store) error {
	pending, err := st.Pending(ctx)
	if err != nil {
		return err
	}
	var wg sync.WaitGroup
	for _, it := range pending {
		wg.Go(func() { handle(it) }) // want `\[goroutine-unbounded\] sync.WaitGroup.Go starts a goroutine per element of pending \(the result of st.Pending\)`
	}
	wg.Wait()
	return nil
}

// Safe twin: a list the program holds, not fetched per call (no context,
// no error).
func startConfigured(st store) {
	for _, it := range st.Configured() {
		go handle(it)
	}
}

type backend struct {
	Addr string `json:"addr"`
}

func (b *backend) healthLoop() {}

type config struct {
	Backends []*backend `json:"backends"`
	Shards   int        `json:"shards"`
}

type proxy struct {
	cfg    config
	shards []item
}

// Safe twin: one goroutine per backend of the configuration the program
// loaded at start (a field of a configuration struct, not wire input).
func startBackends(cfg *config) {
	for _, b := range cfg.Backends {
		go b.healthLoop()
	}
}

// Safe twin: per shard and per configured backend of the receiver: the
// program's own state.
func (p *proxy) start() {
	for _, sh := range p.shards {
		go handle(sh)
	}
	for _, b := range p.cfg.Backends {
		go b.healthLoop()
	}
}

// A goroutine per message read from a stream until it closes.
func consume(msgs <-chan item) {
	for m := range msgs {
		go handle(m) // want `\[goroutine-unbounded\] go statement starts a goroutine per message received from msgs, in a loop that runs until the stream ends, with no gate: .*take a semaphore slot before the go statement, or hand the messages to a fixed pool of workers`
	}
}

// Safe twin: a fixed pool of workers reads the stream.
func consumePooled(msgs <-chan item) {
	for range 8 {
		go func() {
			for m := range msgs {
				handle(m)
			}
		}()
	}
}

type inbox struct {
	msgs   chan item
	reload chan struct{}
	slots  chan struct{}
}

func (in *inbox) refresh() {}

// A goroutine per message received in an endless select loop.
func (in *inbox) run(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case m := <-in.msgs:
			go handle(m) // want `\[goroutine-unbounded\] go statement starts a goroutine per message received from in.msgs`
		case <-in.reload:
			go in.refresh() // a signal, not a message: quiet
		}
	}
}

// Safe twin: a slot of the inbox's semaphore is taken before each start.
func (in *inbox) runGated(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case m := <-in.msgs:
			in.slots <- struct{}{}
			go func() {
				defer func() { <-in.slots }()
				handle(m)
			}()
		}
	}
}

// stream has the shape of a gRPC stream (RecvMsg and Context).
type stream interface {
	Context() context.Context
	RecvMsg(m any) error
	Recv() (*item, error)
}

// A goroutine per message received from a gRPC stream.
func serveStream(s stream) error {
	for {
		m, err := s.Recv()
		if err != nil {
			return err
		}
		go handle(*m) // want `\[goroutine-unbounded\] go statement starts a goroutine per message received from s`
	}
}

// Safe twin: each message is handled before the next is received.
func serveStreamInline(s stream) error {
	for {
		m, err := s.Recv()
		if err != nil {
			return err
		}
		done := make(chan struct{})
		go func() { handle(*m); close(done) }()
		<-done
	}
}

// A generic "run for each item in parallel" helper with no limit.
func ForEach[T any](items []T, fn func(T)) {
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		go func() { // want `\[goroutine-unbounded\] go statement starts a goroutine per element of items and the helper takes no limit: .*add a limit parameter and bound the goroutines with errgroup.Group.SetLimit or a semaphore`
			defer wg.Done()
			fn(it)
		}()
	}
	wg.Wait()
}

// Safe twin: the helper takes a limit and passes it to SetLimit.
func ForEachLimit[T any](ctx context.Context, items []T, limit int, fn func(T) error) error {
	g, _ := errgroup.WithContext(ctx)
	g.SetLimit(limit)
	for _, it := range items {
		g.Go(func() error { return fn(it) })
	}
	return g.Wait()
}
