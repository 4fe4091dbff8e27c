package ctxbackground

import (
	"context"
	"sync"
)

// A fresh root whose cancel function is kept in a map of a long-lived
// object, for Unsubscribe or Close to call: its lifetime is owned and
// ended there. Quiet. One whose cancel is kept in a local map is still
// reported.

type session struct {
	mu   sync.Mutex
	subs map[string]context.CancelFunc
}

func (s *session) Subscribe(ctx context.Context, uri string, listen func(context.Context)) {
	s.mu.Lock()
	listenCtx, cancel := context.WithCancel(context.Background())
	s.subs[uri] = cancel
	s.mu.Unlock()
	go listen(listenCtx)
}

func (s *session) Unsubscribe(uri string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if cancel, ok := s.subs[uri]; ok {
		cancel()
		delete(s.subs, uri)
	}
}

func subscribeLocal(ctx context.Context, uris []string, listen func(context.Context)) {
	local := map[string]context.CancelFunc{}
	for _, uri := range uris {
		listenCtx, cancel := context.WithCancel(context.Background()) // want `\[ctx-background\] context.Background\(\) drops ctx's cancellation`
		local[uri] = cancel
		listen(listenCtx)
	}
}

// A detachment explained at length just above it, in words that name the
// context without spelling context.Background: quiet. A one-line remark
// that does not name it is still reported.

type ownedKey struct{}

type tokenSource interface{ Token() (string, error) }

func quietExplainedInComment(ctx context.Context, mk func(context.Context) tokenSource) tokenSource {
	// The token source outlives this request: it is stored and used for
	// refreshes for the life of the connection, and it keeps the context it
	// is given. Binding it to the request's ctx would fail every later refresh.
	refreshCtx := context.WithValue(context.Background(), ownedKey{}, "client")
	return mk(refreshCtx)
}

func newTokenSourceTerse(ctx context.Context, mk func(context.Context) tokenSource) tokenSource {
	// Stored for later.
	refreshCtx := context.WithValue(context.Background(), ownedKey{}, "client") // want `\[ctx-background\] context.Background\(\) drops ctx's cancellation`
	return mk(refreshCtx)
}
