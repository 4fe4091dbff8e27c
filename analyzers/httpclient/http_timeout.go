package httpclient

import (
	"go/ast"
	"go/types"
	"time"

	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/index"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// TimeoutOptions are http-timeout's rules.toml keys.
type TimeoutOptions struct {
	Timeout config.Duration `toml:"timeout" doc:"the Timeout the fix inserts into an http.Client literal" min:"1"`
}

// Timeout returns the http-timeout rule.
func Timeout() *rule.Rule {
	return &rule.Rule{
		ID:         "http-timeout",
		Severity:   config.SeverityError,
		Enabled:    true,
		Imports:    []string{"net/http"},
		Requires:   sendRequires,
		NewOptions: func() any { return &TimeoutOptions{Timeout: config.Duration(30 * time.Second)} },
		Doc: rule.Doc{
			Title: "report HTTP requests sent through a client without a timeout",
			Why: "http.DefaultClient, and any http.Client whose Timeout is zero, waits forever: for the connection, " +
				"for the response headers and for the body. When an upstream stalls (overloaded, rate limiting by " +
				"holding connections, a half-open TCP connection) every goroutine that calls it blocks, holding its " +
				"request, memory and connection, until the service stops answering too: one slow dependency takes " +
				"down every service that calls it without a timeout.",
			Bad: "resp, err := http.Get(url)",
			Good: "var client = &http.Client{Timeout: 10 * time.Second}\n\n" +
				"resp, err := client.Get(url)",
			Quiet: "Decided while collecting candidates: a client literal with a Timeout field (any value, even an " +
				"explicit 0, which states intent, e.g. for streaming); a client stored in a struct field by a constructor " +
				"is judged by that constructor (quiet when it sets Timeout there); a client returned without being used here. " +
				"Reported besides literals: new(http.Client) and `var c http.Client` that send (no fix). " +
				"Not seen: callers in other packages that pass a context without a deadline (this needs analysis facts), " +
				"and clients built by a function in another package.",
			Fix: "On an http.Client literal, adds Timeout with the configured duration (default 30s) and the \"time\" " +
				"import when needed (Timeout also bounds reading the body, so the message tells a client that streams " +
				"or downloads large bodies to bound the headers with Transport.ResponseHeaderTimeout instead); " +
				"the literal is reformatted as gofmt would. No fix for http.Get or " +
				"http.DefaultClient, whose replacement client belongs in a package variable or constructor.",
		},
		Quiet: rule.Declare(rule.Forms(timeoutSendQuiet), rule.Forms(timeoutClientQuiet)),
		Run:   runTimeout,
	}
}

func runTimeout(p *rule.Pass) error {
	x := newClientIndex(p)
	opts := rule.Options[TimeoutOptions](p)

	// Sends through http.DefaultClient.
	for _, s := range x.sends {
		if !s.usesDefaultClient(p.TypesInfo) || rule.Quiet(p, s.call, timeoutSendQuiet, timeoutSend{p, x, s}) {
			continue
		}
		p.At(s.call)
		if s.client == nil {
			p.Reportf(s.call, "http.%s uses http.DefaultClient, which has no timeout: a stalled upstream blocks "+
				"this goroutine forever; use an http.Client with Timeout set", s.fn.Name())
			continue
		}
		hint := ""
		if s.fn.Name() == "Do" {
			hint = ", or give the request a context from context.WithTimeout"
		}
		p.Reportf(s.call, "http.DefaultClient has no timeout: a stalled upstream blocks this goroutine in "+
			"%s forever; use an http.Client with Timeout set%s", s.api(p.TypesInfo), hint)
	}

	// Clients made without a Timeout that send requests.
	sendsThrough := map[*types.Var]bool{}
	directSends := map[ast.Node]bool{} // (&http.Client{}).Get(u): keyed by the client expression
	for _, s := range x.sends {
		if s.client == nil || x.boundedByContext(s.send) {
			continue
		}
		if v := index.AssignedVar(p.TypesInfo, s.client); v != nil {
			sendsThrough[v] = true
		}
		directSends[clientExpr(s.client)] = true
	}
	for _, o := range x.origins {
		if o.dest != nil && !sendsThrough[o.dest] || o.dest == nil && !directSends[o.node] ||
			rule.Quiet(p, o.node, timeoutClientQuiet, timeoutClient{p, x, o}) {
			continue
		}
		p.At(o.node)
		msg := "this http.Client has no Timeout, nor a Transport with ResponseHeaderTimeout, and it sends requests: " +
			"a stalled upstream blocks every caller forever; set Timeout"
		if o.dest != nil {
			msg += " on " + o.dest.Name()
		}
		msg += " (it also bounds reading the body: for a client that streams or downloads large bodies, " +
			"set Timeout: 0 and bound the wait for headers with Transport.ResponseHeaderTimeout instead)"
		if o.lit == nil {
			p.Reportf(o.node, "%s", msg)
			continue
		}
		if f, ok := timeoutFix(p, o, opts.Timeout.Std()); ok {
			p.Report(o.lit, msg, f)
		} else {
			p.Report(o.lit, msg)
		}
	}
	return nil
}

// defaultClientTimeoutSet reports whether the package assigns
// http.DefaultClient.Timeout, or replaces http.DefaultClient (say in main
// or init).
func (x *clientIndex) defaultClientTimeoutSet(fn *types.Func) bool {
	v, ok := fn.Pkg().Scope().Lookup("DefaultClient").(*types.Var)
	return ok && (x.timeoutSet[v] || len(x.values(v)) > 0)
}

// laterTransportsUnbounded reports whether every Transport assigned to the
// client variable after its creation is known to set no
// ResponseHeaderTimeout.
func (x *clientIndex) laterTransportsUnbounded(v *types.Var) bool {
	for _, t := range x.transportSet[v] {
		if !x.transportUnbounded(t, 0) {
			return false
		}
	}
	return true
}

// clientExpr returns the node an origin records for the receiver of a
// send: the composite literal of &http.Client{...}, or the call new(...).
func clientExpr(e ast.Expr) ast.Node {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok {
		return ast.Unparen(u.X)
	}
	return e
}
