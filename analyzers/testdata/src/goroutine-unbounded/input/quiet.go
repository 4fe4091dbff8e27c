package goroutineunboundedinput

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"os"
	"runtime"
	"strconv"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

// The quiet forms of the default tier, each beside a reported twin.

// A semaphore slot taken before each start.
func quietGatedOrJoined(body []byte) error {
	var b batch
	if err := json.Unmarshal(body, &b); err != nil {
		return err
	}
	sem := make(chan struct{}, 8)
	for _, it := range b.Items {
		sem <- struct{}{}
		go func() {
			defer func() { <-sem }()
			handle(it)
		}()
	}
	return nil
}

// A goroutine per element that leaves the loop right after: one goroutine.
func quietBoundedByStructure(body []byte) error {
	var b batch
	if err := json.Unmarshal(body, &b); err != nil {
		return err
	}
	for _, it := range b.Items {
		go handle(it)
		break
	}
	return nil
}

// A group given SetLimit.
func quietLimitedErrgroup(ctx context.Context, st store) error {
	pending, err := st.Pending(ctx)
	if err != nil {
		return err
	}
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(8)
	for _, it := range pending {
		g.Go(func() error { handle(it); return ctx.Err() })
	}
	return g.Wait()
}

// peerConn is a connection another goroutine accepted and checked.
type peerConn struct{ net.Conn }

func hello(c peerConn) { _, _ = c.Write([]byte("hello")) }

// A goroutine per connection handed over by an accept loop: one per open
// connection, Go's server model.
func quietPerConnection(conns <-chan peerConn) {
	for c := range conns {
		_ = c.SetDeadline(time.Now().Add(20 * time.Second))
		go hello(c)
	}
}

// partition is a stream of messages assigned to this consumer.
type partition interface {
	Messages() <-chan item
	ID() int32
}

func drain(p partition) {
	for m := range p.Messages() {
		handle(m)
	}
}

// A long-lived consumer per partition assigned: a goroutine per stream,
// bounded by the partitions, not per message.
func quietPerStream(partitions <-chan partition) {
	for p := range partitions {
		go drain(p)
	}
}

type label struct{ key, value string }

// A goroutine per fetched item that only builds labels in memory: no
// call in it may reach the network, a database or a file.
func quietInMemoryWork(ctx context.Context, st store) ([]label, error) {
	pending, err := st.Pending(ctx)
	if err != nil {
		return nil, err
	}
	var (
		mu     sync.Mutex
		wg     sync.WaitGroup
		labels []label
	)
	for _, it := range pending {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l := label{key: "addr", value: net.JoinHostPort("host", strconv.Itoa(it.id))}
			mu.Lock()
			labels = append(labels, l)
			mu.Unlock()
		}()
	}
	wg.Wait()
	return labels, nil
}

// Twin of quietInMemoryWork: each goroutine calls the backend.
func labelRemote(ctx context.Context, st store) error {
	pending, err := st.Pending(ctx)
	if err != nil {
		return err
	}
	var wg sync.WaitGroup
	for _, it := range pending {
		wg.Add(1)
		go func() { // want `\[goroutine-unbounded\] go statement starts a goroutine per element of pending`
			defer wg.Done()
			handle(it)
		}()
	}
	wg.Wait()
	return nil
}

// Twin of quietPerStream: a goroutine per message of one stream.
func perMessage(p partition) {
	for m := range p.Messages() {
		go handle(m) // want `\[goroutine-unbounded\] go statement starts a goroutine per message received from p.Messages\(\)`
	}
}

// Twin of quietInMemoryWork: each goroutine reads a file.
func loadAll(ctx context.Context, st store) {
	pending, err := st.Pending(ctx)
	if err != nil {
		return
	}
	for _, it := range pending {
		go func() { // want `\[goroutine-unbounded\] go statement starts a goroutine per element of pending`
			_, _ = os.ReadFile("/var/items/" + strconv.Itoa(it.id))
		}()
	}
}

func readItem(it item) []byte { return readPath("/var/items/" + strconv.Itoa(it.id)) }

func readPath(path string) []byte {
	b, _ := os.ReadFile(path)
	return b
}

// Twin of quietInMemoryWork: the file is read two calls down.
func loadNested(ctx context.Context, st store) {
	pending, err := st.Pending(ctx)
	if err != nil {
		return
	}
	for _, it := range pending {
		go readItem(it) // want `\[goroutine-unbounded\] go statement starts a goroutine per element of pending`
	}
}

// The forms goroutine-unbounded decides while it collects candidates. Each
// sits in request-serving code (a function given the *http.Request), where
// every loop is judged, so the loop alone decides.

// A small constant fan-out and a short literal.
func quietSmallLoop(r *http.Request) {
	for i := 0; i < 3; i++ {
		go handle(item{i})
	}
	for _, region := range []string{"eu", "us", "ap"} {
		go handle(item{len(region)})
	}
}

// A fixed pool of workers over a configured count and runtime.NumCPU.
func quietWorkerCount(r *http.Request, items []item, workers int) {
	jobs := make(chan item)
	for i := 0; i < workers; i++ {
		go func() {
			for it := range jobs {
				handle(it)
			}
		}()
	}
	for i := 0; i < runtime.NumCPU(); i++ {
		go func() {
			for it := range jobs {
				handle(it)
			}
		}()
	}
	for _, it := range items {
		jobs <- it
	}
	close(jobs)
}

// A goroutine per tick is rate-bounded.
func quietTickerLoop(r *http.Request, t *time.Ticker) {
	for range t.C {
		go handle(item{})
	}
}

// One goroutine per accepted connection is Go's server model.
func quietAcceptLoop(r *http.Request, ln net.Listener) {
	for {
		conn, err := ln.Accept()
		if err != nil {
			return
		}
		go hello(peerConn{conn})
	}
}

// Outside request-serving code, a loop over a slice parameter itself or
// the receiver's own state is the program's, not input.
func (m *streamManager) quietProgramState(ctx context.Context, ids []string) {
	for _, id := range ids {
		go func() { _ = m.streams[id].stop(ctx) }()
	}
	for id, s := range m.streams {
		go func() { _ = s.stop(ctx); _ = id }()
	}
}

// With handler-spawns, a goroutine serving a connection the handler took
// over is one per connection.
func quietHijackedConnection(w http.ResponseWriter, r *http.Request) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err != nil {
		return
	}
	go hello(peerConn{conn})
}

// With handler-spawns, a watcher that first waits for the request's
// context to end.
func quietDoneWatcher(w http.ResponseWriter, r *http.Request) {
	go func() {
		<-r.Context().Done()
		handle(item{})
	}()
}

// With handler-spawns, goroutines the handler waits for before it returns.
func quietHandlerJoins(w http.ResponseWriter, r *http.Request) {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); handle(item{1}) }()
	go func() { defer wg.Done(); handle(item{2}) }()
	wg.Wait()
}
