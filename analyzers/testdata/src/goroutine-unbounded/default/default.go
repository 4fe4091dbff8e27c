package goroutineunboundeddefault

import (
	"net/http"
	"sync"
	"time"
)

type node struct{ name string }

type pipeline struct{ nodes []node }

func (n node) run() {}

// From openfga internal/listobjects/pipeline/pipeline.go:440 and
// trillian storage/cloudspanner/log_storage.go:247: outside request-serving
// code, a goroutine per item is usually bounded by the program's structure
// (a graph node, a leaf its one caller passes), so by default it is left
// to all-loops = true.
func (p *pipeline) start() {
	var wg sync.WaitGroup
	for _, n := range p.nodes {
		wg.Go(n.run)
	}
	wg.Wait()
}

func process(job string) {}

// In a handler, a goroutine per item is also a goroutine per request.
func enqueue(w http.ResponseWriter, r *http.Request) {
	for _, j := range r.URL.Query()["job"] {
		go process(j) // want `^\[goroutine-unbounded\] go statement in a loop of request-serving code starts a goroutine per item on every request with nothing bounding how many run at once: concurrent requests multiply them and a large input starts them all together, exhausting memory, connections and upstream quotas \(the function returns without waiting for them, so they also outlive their requests and pile up under load\); bound them with errgroup.Group.SetLimit, a semaphore, or a fixed pool of workers reading from a channel \(in enqueue\)$`
	}
}

// A handler that waits for its goroutines is still reported (one request
// starts them all at once), without the clause about outliving it.
func enqueueAndWait(w http.ResponseWriter, r *http.Request) {
	var wg sync.WaitGroup
	for _, j := range r.URL.Query()["job"] {
		wg.Add(1)
		go func() { // want `^\[goroutine-unbounded\] go statement in a loop of request-serving code starts a goroutine per item on every request with nothing bounding how many run at once: concurrent requests multiply them and a large input starts them all together, exhausting memory, connections and upstream quotas; bound them with errgroup.Group.SetLimit, a semaphore, or a fixed pool of workers reading from a channel \(in enqueueAndWait\)$`
			defer wg.Done()
			process(j)
		}()
	}
	wg.Wait()
}

// A helper that receives the request counts as request-serving code, and so
// does a literal inside it.
func fanOut(r *http.Request, jobs []string) {
	func() {
		for _, j := range jobs {
			go process(j) // want `\[goroutine-unbounded\] go statement in a loop of request-serving code starts a goroutine per item`
		}
	}()
}

// Quiet by default: one fire-and-forget goroutine per request, outside a
// loop (handler-spawns = true reports it; the all-loops fixture's
// handlers.go is its reported twin).
func detach(w http.ResponseWriter, r *http.Request) {
	go process(r.URL.Path)
}

type upgrader struct{}

type wsConn struct{}

func (c *wsConn) SetReadDeadline(t time.Time) error { return nil }
func (c *wsConn) serve()                            {}

func (upgrader) Upgrade(w http.ResponseWriter, r *http.Request) (*wsConn, error) {
	return &wsConn{}, nil
}

// Safe twin: a goroutine serving a connection the handler upgraded (one
// per connection, Go's server model).
func websocket(w http.ResponseWriter, r *http.Request) {
	conn, err := upgrader{}.Upgrade(w, r)
	if err != nil {
		return
	}
	go conn.serve()
}

// Safe twin: the same after a hijack.
func tunnel(w http.ResponseWriter, r *http.Request) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err != nil {
		return
	}
	go conn.Close()
}

// Safe twin: a watcher that ends with the request's context.
func watch(w http.ResponseWriter, r *http.Request) {
	go func() {
		<-r.Context().Done()
		process(r.URL.Path)
	}()
}
