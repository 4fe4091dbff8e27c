package httptimeout

import (
	"context"
	"net/http"
	"time"
)

// backoffTransport delegates to http.DefaultClient like minCacheTransport,
// but the one client the package builds over it has no Timeout: the bound
// the delegated send relies on is missing, so the send is reported.
// (The quiet-form check wants one of the fixture's RoundTrip methods
// silenced by round-tripper-request and clean: roundtripper.go's.)
type backoffTransport struct{ retries int }

func (t *backoffTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	for i := 0; i < t.retries; i++ {
		resp, err := http.DefaultClient.Do(req) // want `\[http-timeout\] http.DefaultClient has no timeout`
		if err != nil || resp.StatusCode != http.StatusTooManyRequests {
			return resp, err
		}
		resp.Body.Close()
		time.Sleep(time.Second << i)
	}
	return nil, http.ErrHandlerTimeout
}

func badgeLevel(ctx context.Context, u string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	c := http.Client{Transport: &backoffTransport{retries: 3}}
	return c.Do(req)
}
