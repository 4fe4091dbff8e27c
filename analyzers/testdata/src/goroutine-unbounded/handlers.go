package goroutineunbounded

import (
	"net/http"
	"sync"
)

func audit(r *http.Request) {}

// A detached goroutine per request.
func fireAndForget(w http.ResponseWriter, r *http.Request) {
	go audit(r) // want `\[goroutine-unbounded\] go statement in an http handler starts a goroutine per request that the handler does not wait for`
	w.WriteHeader(http.StatusAccepted)
}

// Safe twin: the handler waits for its goroutines (bounded by the requests).
func fanOutAndWait(w http.ResponseWriter, r *http.Request) {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); audit(r) }()
	go func() { defer wg.Done(); audit(r) }()
	wg.Wait()
}

// Safe twin: a result channel the handler reads.
func withResult(w http.ResponseWriter, r *http.Request) {
	res := make(chan int, 1)
	go func() { res <- 1 }()
	select {
	case <-res:
	case <-r.Context().Done():
	}
}

type server struct {
	slots chan struct{}
}

// Safe twin: a semaphore rejects work beyond its capacity.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	select {
	case s.slots <- struct{}{}:
		go func() {
			defer func() { <-s.slots }()
			audit(r)
		}()
	default:
		http.Error(w, "busy", http.StatusServiceUnavailable)
	}
}

type detached struct{}

// A ServeHTTP method is a handler too.
func (detached) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	go audit(r) // want `\[goroutine-unbounded\] go statement in an http handler`
}

// A loop over request input inside a handler.
func perItemInHandler(w http.ResponseWriter, r *http.Request) {
	for _, id := range r.URL.Query()["id"] {
		go fetch(id) // want `\[goroutine-unbounded\] go statement in a loop of request-serving code starts a goroutine per item`
	}
}

// Safe: not a handler, not a loop: a single background goroutine.
func startJanitor() {
	go func() {}()
}
