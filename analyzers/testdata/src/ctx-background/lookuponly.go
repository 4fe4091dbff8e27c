package ctxbackground

import (
	"context"
	"net/http"
	"time"
)

// A context made only to look a value up (a logger, a route) cannot carry
// work past the caller: the functions it reaches return no error, no
// context, and nothing that does I/O later. Quiet; the twins hand it to
// a function that returns an error, or that returns a command whose
// result is read later, and are still reported.

type logger struct{ prefix string }

func (l *logger) Printf(format string, args ...any) {}

func loggerFrom(ctx context.Context) *logger { _ = ctx; return &logger{} }

func routeMatches(ctx context.Context, path string) bool { _ = ctx; return path != "" }

type command struct{ err error }

func (c *command) Err() error { return c.err }

func get(ctx context.Context, key string) *command { _ = ctx; return &command{} }

func logOnly(w http.ResponseWriter, r *http.Request) {
	loggerFrom(context.Background()).Printf("serving %s", r.URL.Path)
	lctx := context.Background()
	if routeMatches(lctx, r.URL.Path) {
		loggerFrom(lctx).Printf("matched")
	}
}

func lookupThenWork(w http.ResponseWriter, r *http.Request) {
	lctx := context.Background() // want `\[ctx-background\] context.Background\(\) drops the request's`
	loggerFrom(lctx).Printf("serving")
	_ = work(lctx)
}

func commandLater(w http.ResponseWriter, r *http.Request) {
	cmd := get(context.Background(), "k") // want `\[ctx-background\] context.Background\(\) drops the request's`
	_ = cmd.Err()
}

// A function that returns no error is not a lookup when its I/O summary
// says it may reach the network: validToken answers with a bool, but
// sends a request to find it. Reported; the quiet twin, routeMatches
// above, reaches nothing.

func validToken(ctx context.Context, token string) bool {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://auth/validate?t="+token, nil)
	if err != nil {
		return false
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

func tokenOnFreshRoot(w http.ResponseWriter, r *http.Request) {
	if !validToken(context.Background(), r.Header.Get("Authorization")) { // want `\[ctx-background\] context.Background\(\) drops the request's`
		w.WriteHeader(http.StatusUnauthorized)
	}
}

// A timer-only context beside the caller's own: the call, or the select,
// also receives ctx, so the caller's cancellation still reaches it. Quiet;
// the twin hands the bounded fresh root alone to the call and is still
// reported, and so is an unbounded fresh root beside ctx.

func callWithBoth(ctx, timer context.Context) error { _ = timer; return work(ctx) }

func quietOnlyLookupsOrTimer(ctx context.Context) error {
	tctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := callWithBoth(ctx, tctx); err != nil {
		return err
	}
	select {
	case <-tctx.Done():
		return tctx.Err()
	case <-ctx.Done():
		return ctx.Err()
	}
}

func timerAlone(w http.ResponseWriter, r *http.Request) {
	tctx, cancel := context.WithTimeout(context.Background(), time.Second) // want `\[ctx-background\] context.Background\(\) drops the request's`
	defer cancel()
	_ = work(tctx)
}

func unboundedBeside(ctx context.Context) error {
	cctx, cancel := context.WithCancel(context.Background()) // want `\[ctx-background\] context.Background\(\) drops ctx's`
	defer cancel()
	return callWithBoth(ctx, cctx)
}

// A request built on a fresh root only to be matched against routes is
// never sent: quiet. Its twin sends the request and is still reported.

type router struct{}

func (router) Match(req *http.Request, route *string) bool { return req.URL != nil && route != nil }

func routeOf(ctx context.Context, rt router, path string) string {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, path, nil)
	if err != nil {
		return ""
	}
	var route string
	if req.URL.Path != "" && rt.Match(req, &route) {
		return route
	}
	return ""
}

func probe(ctx context.Context, c *http.Client, path string) error {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, path, nil) // want `\[ctx-background\] context.Background\(\) drops ctx's`
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The same with a clone of the incoming request, re-aimed at another path:
// quiet when only matched, reported when sent.
func matchesWithSlash(rt router, req *http.Request) bool {
	slashReq := req.Clone(context.Background())
	slashReq.URL.Path += "/"
	var route string
	return rt.Match(slashReq, &route)
}

func forwardWithSlash(c *http.Client, req *http.Request) error {
	slashReq := req.Clone(context.Background()) // want `\[ctx-background\] context.Background\(\) drops the request's`
	slashReq.URL.Path += "/"
	resp, err := c.Do(slashReq)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
