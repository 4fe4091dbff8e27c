package httptimeout

import (
	"context"
	"net"
	"net/http"
)

// From pocketbase tools/auth/internal/jwk/jwk.go:86 and
// tools/filesystem/file.go:107: the request is bound to the ctx its caller
// passes in, and the callers (in other packages) give it a deadline. The
// deadline is the caller's to set, as Go's context convention has it.
func fetchWithCallersContext(ctx context.Context, u string) error {
	req, err := http.NewRequestWithContext(ctx, "GET", u, nil)
	if err != nil {
		return err
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return res.Body.Close()
}

// A context derived from the caller's keeps the caller's deadline.
func fetchWithDerivedCallersContext(parent context.Context, u string) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	req, _ := http.NewRequest("GET", u, nil)
	http.DefaultClient.Do(req.WithContext(context.WithValue(ctx, ctxKey{}, "v")))
}

// A client built here whose every request carries the caller's ctx.
type apiClient struct{ http *http.Client }

func newAPIClient() *apiClient {
	return &apiClient{http: &http.Client{}}
}

func (c *apiClient) call(ctx context.Context, u string) {
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	c.http.Do(req)
}

// The twin: a caller in this package passes a fresh root, so on that path
// the request has no deadline at all.
func fetchForCaller(ctx context.Context, u string) {
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	http.DefaultClient.Do(req) // want `\[http-timeout\] http.DefaultClient has no timeout`
}

func refreshInBackground(u string) {
	fetchForCaller(context.Background(), u)
}

// The twin through a cancel-only root: the caller's ctx derives from
// context.Background() by WithCancel alone, so it can be cancelled but has
// no deadline either.
func watchHealth(ctx context.Context, u string) {
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	http.DefaultClient.Do(req) // want `\[http-timeout\] http.DefaultClient has no timeout`
}

type checker struct{ stop context.CancelFunc }

func (c *checker) start(u string) {
	ctx := context.Background()
	ctx, c.stop = context.WithCancel(ctx)
	go func() { watchHealth(ctx, u) }()
}

// Quiet: a caller's ctx that derives from a parameter by WithCancel keeps
// whatever deadline that parameter carries.
func watchWithCallersDeadline(ctx context.Context, u string) {
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	http.DefaultClient.Do(req)
}

func startUnder(parent context.Context, u string) context.CancelFunc {
	ctx, cancel := context.WithCancel(parent)
	go watchWithCallersDeadline(ctx, u)
	return cancel
}

type feed struct{ client *http.Client }

func newFeed() *feed {
	return &feed{client: &http.Client{}} // want `\[http-timeout\] this http.Client has no Timeout`
}

func (f *feed) poll(ctx context.Context, u string) {
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	f.client.Do(req)
}

func (f *feed) pollForever(u string) {
	f.poll(context.TODO(), u)
}

// From caddy cmd/commandfuncs.go:826: the CLI's client for caddy's own admin
// API dials one fixed endpoint (a unix socket or localhost), whatever
// address the request names.
func adminAPIRequest(network, address, uri string) (*http.Response, error) {
	req, err := http.NewRequest("POST", "http://127.0.0.1"+uri, nil)
	if err != nil {
		return nil, err
	}
	client := http.Client{
		Transport: &http.Transport{
			DialContext: func(_ context.Context, _, _ string) (net.Conn, error) {
				return net.Dial(network, address)
			},
		},
	}
	return client.Do(req)
}

func localDaemon(socket string) *http.Client {
	c := &http.Client{Transport: &http.Transport{
		Dial: func(network, addr string) (net.Conn, error) { return net.Dial("unix", socket) },
	}}
	c.Get("http://daemon/status")
	return c
}

// The twin: a dialer that honours the address reaches whatever upstream
// the URL names.
func dialsTheURL(d *net.Dialer, u string) {
	client := http.Client{ // want `\[http-timeout\] this http.Client has no Timeout`
		Transport: &http.Transport{
			DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
				return d.DialContext(ctx, network, addr)
			},
		},
	}
	client.Get(u)
}
