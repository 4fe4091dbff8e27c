package retrynobackoff

import (
	"context"
	"errors"
	"net/http"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// Queue is a client whose implementations are not in view: its methods
// take a context, so a call may reach the network.
type Queue interface {
	Publish(ctx context.Context, msg []byte) error
	Len() int
}

func publishHot(ctx context.Context, q Queue, msg []byte) error {
	for { // want `\[retry-no-backoff\] this loop retries Queue.Publish \(an interface method that takes a context\) after a failure with no wait`
		if err := q.Publish(ctx, msg); err != nil {
			continue
		}
		return nil
	}
}

func publishWaiting(ctx context.Context, q Queue, msg []byte) error {
	for attempt := 0; attempt < 5; attempt++ {
		if err := q.Publish(ctx, msg); err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Duration(attempt) * time.Second):
		}
	}
	return errGaveUp
}

// A generic helper: the operation it is given is what it retries.
func retry(attempts int, op func() error) error {
	var err error
	for i := 0; i < attempts; i++ { // want `\[retry-no-backoff\] this loop retries op \(a function-typed parameter\) after a failure with no wait`
		if err = op(); err == nil {
			return nil
		}
	}
	return err
}

func retryWaiting(attempts int, op func() error) error {
	var err error
	for i := 0; i < attempts; i++ {
		if err = op(); err == nil {
			return nil
		}
		time.Sleep(time.Duration(i) * 100 * time.Millisecond)
	}
	return err
}

// each runs a function on every item: a failure moves on to the next item,
// nothing is retried.
func each(items []string, op func(string) error) int {
	failed := 0
	for _, it := range items {
		if err := op(it); err != nil {
			failed++
			continue
		}
	}
	return failed
}

type dialer struct {
	dial func(ctx context.Context, addr string) error
}

func (d *dialer) connect(ctx context.Context, addr string) {
	for i := 0; i < 10; i++ { // want `\[retry-no-backoff\] this loop retries d.dial \(a function-typed field\) after a failure with no wait`
		if err := d.dial(ctx, addr); err == nil {
			return
		}
	}
}

// Compound success and give-up conditions.
func getCompound(c *http.Client, req *http.Request) (*http.Response, error) {
	for i := 0; i < 3; i++ { // want `\[retry-no-backoff\] this loop retries http.Client.Do after a failure with no wait`
		resp, err := c.Do(req)
		if err == nil && resp.StatusCode < 500 {
			return resp, nil
		}
	}
	return nil, errGaveUp
}

func retryable(err error) bool { return !errors.Is(err, context.Canceled) }

func getUnlessPermanent(c *http.Client, req *http.Request) (*http.Response, error) {
	for i := 0; i < 3; i++ { // want `\[retry-no-backoff\] this loop retries http.Client.Do after a failure with no wait`
		resp, err := c.Do(req)
		if err == nil || !retryable(err) {
			return resp, err
		}
	}
	return nil, errGaveUp
}

func getUnlessPermanentWaiting(c *http.Client, req *http.Request) (*http.Response, error) {
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req)
		if err == nil || !retryable(err) {
			return resp, err
		}
		time.Sleep(time.Second << i)
	}
	return nil, errGaveUp
}

// Store is a gRPC-style client.
type Store interface {
	Get(ctx context.Context, key string) (string, error)
}

// A retry decided by the error's status code.
func getOnUnavailable(ctx context.Context, s Store, key string) (string, error) {
	for { // want `\[retry-no-backoff\] this loop retries Store.Get`
		v, err := s.Get(ctx, key)
		switch status.Code(err) {
		case codes.OK:
			return v, nil
		case codes.Unavailable, codes.NotFound:
			// retry
		default:
			return "", err
		}
	}
}

func getOnUnavailableWaiting(ctx context.Context, s Store, key string) (string, error) {
	for {
		v, err := s.Get(ctx, key)
		switch status.Code(err) {
		case codes.OK:
			return v, nil
		case codes.Unavailable, codes.NotFound:
			// retry
		default:
			return "", err
		}
		select {
		case <-ctx.Done():
			return "", ctx.Err()
		case <-time.After(time.Second):
		}
	}
}

func getFromError(ctx context.Context, s Store, key string) (string, error) {
	for i := 0; i < 5; i++ { // want `\[retry-no-backoff\] this loop retries Store.Get`
		v, err := s.Get(ctx, key)
		if err == nil {
			return v, nil
		}
		if st, ok := status.FromError(err); ok && st.Code() == codes.Unavailable {
			continue
		}
		return "", err
	}
	return "", errGaveUp
}

func getFromErrorWaiting(ctx context.Context, s Store, key string) (string, error) {
	for i := 0; i < 5; i++ {
		v, err := s.Get(ctx, key)
		if err == nil {
			return v, nil
		}
		if st, ok := status.FromError(err); ok && st.Code() == codes.Unavailable {
			time.Sleep(100 * time.Millisecond << i)
			continue
		}
		return "", err
	}
	return "", errGaveUp
}

// Retry by recursion with a budget.
func fetchRecursive(c *http.Client, url string, retries int) (*http.Response, error) {
	resp, err := c.Get(url)
	if err != nil && retries > 0 {
		return fetchRecursive(c, url, retries-1) // want `\[retry-no-backoff\] fetchRecursive calls itself again as soon as http.Client.Get fails, with no wait`
	}
	return resp, err
}

func fetchRecursiveWaiting(c *http.Client, url string, retries int) (*http.Response, error) {
	resp, err := c.Get(url)
	if err != nil && retries > 0 {
		time.Sleep(time.Second)
		return fetchRecursiveWaiting(c, url, retries-1)
	}
	return resp, err
}

// walk recurses on success, over a tree: not a retry.
func walk(c *http.Client, url string, depth int) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if depth > 0 {
		return walk(c, url+"/next", depth-1)
	}
	return nil
}

// Len neither takes a context nor fails: not an operation to retry.
func waitEmpty(q Queue) {
	for q.Len() > 0 {
	}
}

// Cursor is an iterator whose Next takes a context.
type Cursor interface {
	Next(ctx context.Context) (string, error)
}

var errDone = errors.New("done")

// A loop over an iterator that skips the elements it does not want: the
// continue moves on to the next element, it retries nothing.
func collect(ctx context.Context, cur Cursor) ([]string, error) {
	var out []string
	for {
		s, err := cur.Next(ctx)
		if err != nil {
			if errors.Is(err, errDone) {
				return out, nil
			}
			return nil, err
		}
		if s == "" {
			continue
		}
		out = append(out, s)
	}
}

func describe(s string) error {
	if s == "" {
		return errGaveUp
	}
	return nil
}

// The error the loop tests is describe's: the network call in its
// argument is not what fails and comes back.
func describeUntilValid(ctx context.Context, s Store) {
	for i := 0; i < 3; i++ {
		if err := describe(mustGet(ctx, s)); err == nil {
			return
		}
	}
}

func mustGet(ctx context.Context, s Store) string {
	v, _ := s.Get(ctx, "k")
	return v
}

// Comes back only after the publish waited out its deadline (a full
// queue): the attempts do not go out back to back.
func publishWhenRoom(ctx context.Context, q Queue, msg []byte) error {
	for {
		err := q.Publish(ctx, msg)
		if errors.Is(err, context.DeadlineExceeded) {
			continue
		}
		return err
	}
}

// The same loop coming back on any error is reported.
func publishOnAnyError(ctx context.Context, q Queue, msg []byte) error {
	for { // want `\[retry-no-backoff\] this loop retries Queue.Publish`
		err := q.Publish(ctx, msg)
		if err != nil {
			continue
		}
		return nil
	}
}

// Each attempt checks a new candidate, built afresh in the loop.
func pickName(ctx context.Context, s Store, letters []byte) string {
	buf := make([]byte, 8)
	for {
		for j := range buf {
			buf[j] = letters[randIndex(len(letters))]
		}
		if _, err := s.Get(ctx, string(buf)); err != nil {
			continue
		}
		return string(buf)
	}
}

func randIndex(n int) int { return int(time.Now().UnixNano()) % n }

type apiClient struct {
	base string
	st   Store
}

func (c *apiClient) Version() (string, error) {
	return c.st.Get(context.Background(), c.base+"/version")
}

func withBase(base string) func(*apiClient) { return func(c *apiClient) { c.base = base } }

// Each attempt goes to another base URL, set on the client through an
// option: a probe of candidates, not a retry.
func probeBases(c *apiClient, bases []string) error {
	var err error
	for len(bases) > 0 {
		_, err = c.Version()
		if err == nil {
			return nil
		}
		withBase(bases[0])(c)
		bases = bases[1:]
	}
	return err
}

// The same loop that never changes the client is reported.
func probeSame(c *apiClient, bases []string) error {
	var err error
	for len(bases) > 0 { // want `\[retry-no-backoff\] this loop retries apiClient.Version \(which calls`
		_, err = c.Version()
		if err == nil {
			return nil
		}
		bases = bases[1:]
	}
	return err
}
