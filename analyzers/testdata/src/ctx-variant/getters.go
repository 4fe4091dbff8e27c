package ctxvariant

import (
	"context"
	"net/http"
	"sync"
)

// A getter that cannot fail, paired with a twin that cannot fail either,
// is not an uncancellable copy of its twin: the twin waits (here, until a
// leader is known) and its context only bounds that wait. Quiet. A getter
// that can fail, whose twin returns the same error, is still reported.

type cluster struct {
	mu     sync.Mutex
	leader string
}

func (c *cluster) Leader() (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.leader, c.leader != ""
}

func (c *cluster) LeaderWithContext(ctx context.Context) (string, bool) {
	for {
		if l, ok := c.Leader(); ok {
			return l, true
		}
		select {
		case <-ctx.Done():
			return "", false
		default:
		}
	}
}

func (c *cluster) Members() ([]string, error) { return nil, nil }

func (c *cluster) MembersWithContext(ctx context.Context) ([]string, error) { return nil, ctx.Err() }

func quietGetterTwin(ctx context.Context, c *cluster) string {
	l, _ := c.Leader()
	return l
}

func members(ctx context.Context, c *cluster) []string {
	m, _ := c.Members() // want `\[ctx-variant\] \(\*ctxvariant.cluster\).Members cannot be cancelled`
	return m
}

// A function that decorates an outgoing request it is handed (one the
// caller has just built) has no caller's ctx in r: r.Context() is the
// context the builder gave the request. Quiet; a function handed the
// server's incoming request is still reported.

type namer struct{}

func (namer) Name() (string, error)                           { return "", nil }
func (namer) NameContext(ctx context.Context) (string, error) { return "", nil }

func quietOutgoingRequest(r *http.Request, l namer) {
	name, _ := l.Name()
	r.Header.Set("X-Name", name)
}

func send(c *http.Client, l namer) error {
	r, err := http.NewRequest("GET", "http://backend/", nil)
	if err != nil {
		return err
	}
	quietOutgoingRequest(r, l)
	resp, err := c.Do(r)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func annotate(r *http.Request, l namer) string {
	name, _ := l.Name() // want `\[ctx-variant\] ctxvariant.namer.Name cannot be cancelled`
	return name
}

func serveName(w http.ResponseWriter, r *http.Request, l namer) {
	w.Write([]byte(annotate(r, l)))
}
