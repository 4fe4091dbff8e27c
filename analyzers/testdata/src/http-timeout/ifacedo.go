package httptimeout

import (
	"context"
	"net/http"
)

// sender is an unexported interface with an unexported method: only this
// package can call it, so its calls here are every call of the methods
// that implement it.
type sender interface {
	do(req *http.Request) (*http.Response, error)
}

// viaDefault sends through http.DefaultClient what it is handed.
type viaDefault struct{}

func (viaDefault) do(req *http.Request) (*http.Response, error) {
	return http.DefaultClient.Do(req)
}

// sendVia hands every request, bound to the caller's ctx, to the
// interface: the only call of viaDefault.do is through it.
func sendVia(ctx context.Context, s sender, u string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	return s.do(req)
}

// FetchVia is the exported entry: the deadline is the caller's to set.
func FetchVia(ctx context.Context, u string) (*http.Response, error) {
	return sendVia(ctx, viaDefault{}, u)
}

// ptrViaDefault implements the same interface with a pointer receiver.
type ptrViaDefault struct{ calls int }

func (p *ptrViaDefault) do(req *http.Request) (*http.Response, error) {
	p.calls++
	return http.DefaultClient.Do(req)
}

func fetchPtr(ctx context.Context, u string) (*http.Response, error) {
	return sendVia(ctx, &ptrViaDefault{}, u)
}

// Twin: one call through the interface the type implements passes a
// request built without a context, so on that path nothing bounds the
// send.
type looseSender interface {
	send(req *http.Request) (*http.Response, error)
}

type viaDefaultLoose struct{}

func (viaDefaultLoose) send(req *http.Request) (*http.Response, error) {
	return http.DefaultClient.Do(req) // want `\[http-timeout\] http.DefaultClient has no timeout`
}

func sendLoose(ctx context.Context, s looseSender, u string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	return s.send(req)
}

func pingLoose(s looseSender, u string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	return s.send(req)
}

func useLoose(ctx context.Context, u string) {
	_, _ = sendLoose(ctx, viaDefaultLoose{}, u)
	_, _ = pingLoose(viaDefaultLoose{}, u)
}
