package httpbodyclose

import (
	"errors"
	"net/http"
)

// Doer is the interface services take instead of *http.Client: whatever
// implements it, the caller owns the body of the response, as with Do.
type Doer interface {
	Do(req *http.Request) (*http.Response, error)
}

func fetchThroughDoer(c Doer, url string) error {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req) // want `\[http-bodyclose\] the body of the response from c.Do is not closed on the path that reaches the return`
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	defer resp.Body.Close()
	return nil
}

// retryTransport retries once on 503, dropping the first response unclosed.
type retryTransport struct{ next http.RoundTripper }

func (t retryTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.next.RoundTrip(req) // want `\[http-bodyclose\] the body of the response from t.next.RoundTrip is not closed on the path that reaches the return`
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusServiceUnavailable {
		return t.next.RoundTrip(req)
	}
	return resp, nil
}

// Twins: the body closed on every path, and the response handed on.

func statusThroughDoer(c Doer, req *http.Request) (int, error) {
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

type headerTransport struct{ next http.RoundTripper }

func (t headerTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	req.Header.Set("User-Agent", "prodlint-fixture")
	return t.next.RoundTrip(req)
}
