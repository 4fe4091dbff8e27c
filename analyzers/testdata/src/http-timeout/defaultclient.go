package httptimeout

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"time"
)

func packageFuncs(u string) {
	http.Get(u)                     // want `\[http-timeout\] http.Get uses http.DefaultClient, which has no timeout: a stalled upstream blocks this goroutine forever; use an http.Client with Timeout set; for a download or stream of unbounded size, bound the wait for headers with Transport.ResponseHeaderTimeout and connecting with a dial timeout instead`
	http.Head(u)                    // want `\[http-timeout\] http.Head uses http.DefaultClient`
	http.Post(u, "text/plain", nil) // want `\[http-timeout\] http.Post uses http.DefaultClient`
	http.PostForm(u, url.Values{})  // want `\[http-timeout\] http.PostForm uses http.DefaultClient`
	http.DefaultClient.Get(u)       // want `\[http-timeout\] http.DefaultClient has no timeout: a stalled upstream blocks this goroutine in http.DefaultClient.Get forever; use an http.Client with Timeout set; for a download or stream of unbounded size, bound the wait for headers with Transport.ResponseHeaderTimeout and connecting with a dial timeout instead \(in packageFuncs\)$`
	http.NewRequest("GET", u, nil)  // not a send
	strings.NewReader(u).Len()      // unrelated call
	_ = http.DefaultClient.CloseIdleConnections
}

// The safe twin: a client with a timeout.
var client = &http.Client{Timeout: 10 * time.Second}

func clientWithTimeout(u string) {
	client.Get(u)
	client.Head(u)
}

func defaultClientDoWithoutDeadline(u string) {
	req, _ := http.NewRequestWithContext(context.TODO(), "GET", u, nil)
	http.DefaultClient.Do(req) // want `\[http-timeout\] http.DefaultClient has no timeout: .* in http.DefaultClient.Do forever; use an http.Client with Timeout set, or give the request a context from context.WithTimeout`
}

func defaultClientDoWithDeadline(u string) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	http.DefaultClient.Do(req) // the deadline bounds the request
}

func defaultClientDoWithDerivedDeadline(parent context.Context, u string) {
	ctx, cancel := context.WithDeadline(parent, time.Now().Add(time.Minute))
	defer cancel()
	ctx = context.WithValue(ctx, ctxKey{}, "v")
	req, _ := http.NewRequest("GET", u, nil)
	req = req.WithContext(ctx)
	http.DefaultClient.Do(req)
}

func defaultClientDoWithCancelOnly(u string) {
	ctx, cancel := context.WithCancel(context.Background()) // cancellable, but no deadline
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	http.DefaultClient.Do(req) // want `\[http-timeout\] http.DefaultClient has no timeout`
}

func inlineRequestWithDeadline(u string) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	req, _ := http.NewRequest("GET", u, nil)
	http.DefaultClient.Do(req.Clone(ctx))
}

type ctxKey struct{}

func deadlineWithCause(u string) {
	ctx, cancel := context.WithTimeoutCause(context.Background(), time.Second, errSlow)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	http.DefaultClient.Do(req)
}

func configuredTimeout(u string, cfg struct{ Timeout time.Duration }) {
	c := &http.Client{Timeout: cfg.Timeout} // any Timeout field: the value is the configuration's business
	c.Get(u)
}

func literalDoWithDeadline(u string) {
	c := &http.Client{} // every request it sends carries a deadline
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	c.Do(req)
}

var errSlow = context.DeadlineExceeded
