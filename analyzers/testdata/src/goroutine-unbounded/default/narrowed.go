package goroutineunboundeddefault

import (
	"context"
	"encoding/json"
	"sync"
)

// The shapes below are reported only with input-loops = true (their
// reported twins are in the input fixture): outside request-serving code,
// on real code these lists and streams were mostly bounded by the
// program's structure (namespaces, partitions, the service's own users,
// local stores), which types cannot see.

type batch struct {
	Items []limitReq `json:"items"`
}

type store interface {
	Pending(ctx context.Context) ([]*limitReq, error)
}

// A goroutine per element of a decoded payload, outside a handler.
func handleBatch(body []byte) error {
	var b batch
	if err := json.Unmarshal(body, &b); err != nil {
		return err
	}
	for _, it := range b.Items {
		go check(&it)
	}
	return nil
}

// A goroutine per element fetched from a store.
func drainPending(ctx context.Context, st store) error {
	pending, err := st.Pending(ctx)
	if err != nil {
		return err
	}
	var wg sync.WaitGroup
	for _, it := range pending {
		wg.Go(func() { check(it) })
	}
	wg.Wait()
	return nil
}

// A goroutine per message of a receive loop that runs until the stream
// ends.
func consume(msgs <-chan *limitReq) {
	for m := range msgs {
		go check(m)
	}
}

// An exported helper running a callback per element with no limit.
func ForEach[T any](items []T, fn func(T)) {
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn(it)
		}()
	}
	wg.Wait()
}
