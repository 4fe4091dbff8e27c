package retrynobackoff

import (
	"context"
	"net/http"
)

// One request built before the loop, its URL set from each element before
// it is sent: a different page each iteration, not a retry. Quiet. A loop
// that only records the attempt in a field of the receiver it calls
// through is still a retry.

func fetchPages(ctx context.Context, base string) map[string]error {
	errs := map[string]error{}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base, nil)
	if err != nil {
		return errs
	}
	for name, path := range map[string]string{"heap": "/debug/heap", "vars": "/debug/vars"} {
		req.URL.Path = path
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			resp.Body.Close()
		}
		errs[name] = err
	}
	return errs
}

type poster struct {
	client  *http.Client
	attempt int
}

func (p *poster) send(req *http.Request) (*http.Response, error) {
	for i := 0; i < 5; i++ { // want `\[retry-no-backoff\]`
		p.attempt = i
		resp, err := p.client.Do(req)
		if err != nil {
			continue
		}
		return resp, nil
	}
	return nil, nil
}

type sendParams struct{ Attempt int }

func sendAttempt(p *sendParams) error { _, err := http.Get("http://backend/"); return err }

// An attempt number written into what is sent does not make a new target:
// still a retry.
func sendNumbered() error {
	p := &sendParams{}
	for i := range 3 { // want `\[retry-no-backoff\]`
		p.Attempt = i
		if err := sendAttempt(p); err == nil {
			return nil
		}
	}
	return nil
}

// A loop over items that sets a field of the receiver from each element
// before calling a method on it (c.name = name; c.show()): the method works
// on another element each iteration, as when the element is passed. Quiet.
// The same loop that sets the field from the index of a range over a slice
// (an attempt number, not an element) is still a retry.

type contextChecker struct {
	client *http.Client
	name   string
	tried  int
}

func (c *contextChecker) check() error {
	resp, err := c.client.Get("http://registry/contexts/" + c.name)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (c *contextChecker) quietReceiverPerElement(names []string) int {
	failed := 0
	for _, name := range names {
		c.name = name
		if err := c.check(); err != nil {
			failed++
		}
	}
	return failed
}

func (c *contextChecker) checkByAttempt(mirrors []string) error {
	for i := range mirrors { // want `\[retry-no-backoff\] this loop retries contextChecker.check`
		c.tried = i
		if err := c.check(); err == nil {
			return nil
		}
	}
	return nil
}
