package httpclient

import (
	"go/ast"
	"go/types"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"

	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/index"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
	"github.com/prodlint/prodlint/analyzers/internal/summary/httpsum"
)

// TimeoutOptions are http-timeout's rules.toml keys.
type TimeoutOptions struct {
	Timeout config.Duration `toml:"timeout" doc:"the Timeout the fix inserts into an http.Client literal" min:"1"`
}

// Timeout returns the http-timeout rule.
func Timeout() *rule.Rule {
	return &rule.Rule{
		ID:       "http-timeout",
		Severity: config.SeverityError,
		Enabled:  true,
		// No Imports: a caller that passes a request's context to a helper
		// of another package need not import net/http (runTimeout).
		Requires:   append([]*analysis.Analyzer{httpsum.Analyzer}, sendRequires...),
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
			Scope: "Reported besides literals: new(http.Client) and `var c http.Client` that send (no fix). " +
				"Followed across functions and packages of the analyzed module(s): a client returned by a constructor " +
				"(of this package or another) that sets no Timeout is reported where it sends, unless the client is " +
				"configured or handed to a call there (a client the constructor returns only with a non-nil error, " +
				"return &http.Client{}, err under if err != nil, is not one its callers send through); a function " +
				"that sends through a client without a timeout bounded only by its context parameter, directly or through " +
				"what it calls, is reported (the client made there, returned by a constructor, or kept in an unexported " +
				"struct field of its package to which the package gives only clients without a timeout, and which it " +
				"only sends through: never configures, hands to a call, returns or writes in an unkeyed literal) where a caller in another package passes context.Background() or " +
				"context.TODO() for it, and where a caller in any package passes a request's context, which has no " +
				"deadline (net/http sets none; a middleware that adds one is not seen): r.Context() of the request a handler was given, a framework's request context (a *gin.Context, " +
				"c.Request.Context(), c.Request().Context() of an echo.Context, a *fiber.Ctx's UserContext), one derived " +
				"from these by WithValue or WithCancel, or returned by a function that returns its context parameter, or a " +
				"value of a struct type whose Deadline is promoted from an embedded context field that the field's package " +
				"(and the caller's) only ever sets to a request's context (a web framework's own context type). A context " +
				"of unknown origin (a parameter, a field set elsewhere, a callback's argument) is never reported; " +
				"functions of other modules are unknown, and never reported.",
			Fix: "On an http.Client literal, adds Timeout with the configured duration (default 30s) and the \"time\" " +
				"import when needed (Timeout also bounds reading the body, so every message tells a client that streams " +
				"or transfers bodies of unbounded size to bound the wait for headers with Transport.ResponseHeaderTimeout " +
				"and connecting with a dial timeout instead); the literal is reformatted as gofmt would. No fix for " +
				"http.Get or http.DefaultClient, whose replacement client belongs in a package variable or constructor.",
		},
		Quiet: rule.Declare(timeoutCollected, rule.Forms(timeoutSendQuiet), rule.Forms(timeoutClientQuiet)),
		Run:   runTimeout,
	}
}

func runTimeout(p *rule.Pass) error {
	if !match.Imports(p.Pkg, "net/http") {
		// Only calls to helpers that send on the context they are given.
		freshRootCalls(p)
		return nil
	}
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
				"this goroutine forever; use an http.Client with Timeout set; %s", s.fn.Name(), streamingFix)
			continue
		}
		hint := ""
		if s.fn.Name() == "Do" {
			hint = ", or give the request a context from context.WithTimeout"
		}
		p.Reportf(s.call, "http.DefaultClient has no timeout: a stalled upstream blocks this goroutine in "+
			"%s forever; use an http.Client with Timeout set%s; %s", s.api(p.TypesInfo), hint, streamingFix)
	}

	// Clients returned by a constructor (of this package or, by its
	// summary, of another package of the module) without a Timeout.
	constructed(p, x)
	// Calls that give a function which sends on a client without a
	// timeout, bounded only by its context, a fresh root instead.
	freshRootCalls(p)

	// Clients made without a Timeout that send requests.
	// Per client, whether a send not bounded by its request's context
	// goes through it (unbounded), or only sends that are (bounded).
	unbounded, bounded := clientSends{}, clientSends{}
	for _, s := range x.sends {
		if s.client == nil {
			continue
		}
		if x.boundedByContext(s.send) {
			bounded.add(p.TypesInfo, s.client)
		} else {
			unbounded.add(p.TypesInfo, s.client)
		}
	}
	for _, o := range x.origins {
		if !unbounded.through(o) {
			switch {
			case bounded.through(o):
				rule.Decided(p, o.node, "sends-context-bounded")
			case p.Explaining() && x.returned(o): // finding the return walks the function
				rule.Decided(p, o.node, "returned-unused")
			}
			continue
		}
		if o.dest != nil && o.dest.IsField() && x.timeoutSet[o.dest] {
			rule.Decided(p, o.node, "constructor-field") // judged where the field's Timeout is set
			continue
		}
		if rule.Quiet(p, o.node, timeoutClientQuiet, timeoutClient{p, x, o}) {
			continue
		}
		p.At(o.node)
		msg := "this http.Client has no Timeout, nor a Transport with ResponseHeaderTimeout, and it sends requests: " +
			"a stalled upstream blocks every caller forever; set Timeout"
		if o.dest != nil {
			msg += " on " + o.dest.Name()
		}
		msg += " (it also bounds reading the body: for a client that streams or downloads large bodies, " +
			"set Timeout: 0 and bound the wait for headers with Transport.ResponseHeaderTimeout and connecting " +
			"with a dial timeout instead)"
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

// clientSends is the clients some sends go through: the variables or
// fields that hold them, and the client expressions sent through directly
// ((&http.Client{}).Get(u), keyed by the literal or new call).
type clientSends struct {
	vars   map[*types.Var]bool
	direct map[ast.Node]bool
}

func (c *clientSends) add(info *types.Info, client ast.Expr) {
	if c.vars == nil {
		c.vars, c.direct = map[*types.Var]bool{}, map[ast.Node]bool{}
	}
	if v := index.AssignedVar(info, client); v != nil {
		c.vars[v] = true
	}
	c.direct[clientExpr(client)] = true
}

// through reports whether one of the sends goes through the client made at o.
func (c clientSends) through(o origin) bool {
	if o.dest != nil {
		return c.vars[o.dest]
	}
	return c.direct[o.node]
}

// streamingFix is the fix a message offers for a transfer of unbounded
// size (a download, an upload or a stream), which a whole-request Timeout
// would cut off: bound the two waits a stalled peer causes, for the
// response headers and for the connection, and leave the body unbounded.
const streamingFix = "for a download or stream of unbounded size, bound the wait for headers with " +
	"Transport.ResponseHeaderTimeout and connecting with a dial timeout instead"

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

// constructed reports sends through a client that a constructor returned
// without a Timeout (c := api.NewClient(); c.Do(req), or a field set from
// such a call), once per client variable or constructor call.
func constructed(p *rule.Pass, x *clientIndex) {
	sums := p.ResultOf[httpsum.Analyzer].(*httpsum.Result)
	seen := map[any]bool{}
	for _, s := range x.sends {
		if s.client == nil || isDefaultClient(p.TypesInfo, s.client) || p.IsTestCode(s.cursor) {
			continue
		}
		ctor, key := x.constructorOf(sums, s.client)
		if x.boundedByContext(s.send) {
			if ctor != nil {
				rule.Decided(p, s.call, "request-context-bounded")
			}
			continue
		}
		if ctor == nil && p.Explaining() && x.constructorSetsTimeout(sums, s.client) {
			rule.Decided(p, s.call, "constructor-sets-timeout")
		}
		if ctor == nil || seen[key] {
			continue
		}
		seen[key] = true
		p.At(s.call)
		p.Reportf(s.call, "the http.Client %s sends through comes from %s, which sets no Timeout (nor a Transport with "+
			"ResponseHeaderTimeout): a stalled upstream blocks every caller forever; set Timeout where the client is built, "+
			"or on it here; %s", shortNameOr(s.client), match.APIName(ctor, p.Pkg), streamingFix)
	}
}

func shortNameOr(e ast.Expr) string {
	if n := shortName(e); n != "" {
		return n
	}
	return "this call"
}

// constructorOf returns the function that made the client e denotes,
// when its summary says it returns a client without a timeout and the
// client is not configured afterwards here, and a key naming the client.
func (x *clientIndex) constructorOf(sums *httpsum.Result, e ast.Expr) (*types.Func, any) {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok {
		fn := match.Callee(x.info, call)
		if sum, known := sums.Of(fn); known && sum.Client == httpsum.NoTimeout {
			return fn, call
		}
		return nil, nil
	}
	v := index.AssignedVar(x.info, e)
	if v == nil || x.timeoutSet[v] || x.handedOff[v] || len(x.transportSet[v]) > 0 {
		return nil, nil
	}
	if v.Pkg() != x.pkg {
		return nil, nil // a field or variable of another package: set where it is made
	}
	var ctor *types.Func
	for _, a := range x.idx.Assignments(v) {
		if a.Value == nil || a.Multi && a.Result != 0 {
			return nil, nil
		}
		call, ok := ast.Unparen(a.Value).(*ast.CallExpr)
		if !ok {
			return nil, nil
		}
		fn := match.Callee(x.info, call)
		if sum, known := sums.Of(fn); !known || sum.Client != httpsum.NoTimeout {
			return nil, nil
		}
		ctor = fn
	}
	return ctor, v
}

// constructorSetsTimeout reports whether the client e denotes is the
// result of a constructor whose summary says it sets the client's Timeout
// or takes it from a parameter, directly or through a variable every value
// of which is one (for prodlint -explain).
func (x *clientIndex) constructorSetsTimeout(sums *httpsum.Result, e ast.Expr) bool {
	sets := func(call *ast.CallExpr) bool {
		sum, known := sums.Of(match.Callee(x.info, call))
		return known && (sum.Client == httpsum.WithTimeout || sum.Client == httpsum.TimeoutParam)
	}
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok {
		return sets(call)
	}
	v := index.AssignedVar(x.info, e)
	if v == nil {
		return false
	}
	as := x.idx.Assignments(v)
	for _, a := range as {
		call, ok := ast.Unparen(a.Value).(*ast.CallExpr)
		if a.Value == nil || a.Multi && a.Result != 0 || !ok || !sets(call) {
			return false
		}
	}
	return len(as) > 0
}

// returned reports whether the client made at o is returned by the
// function that makes it, directly or through the local variable it is
// stored in (for prodlint -explain).
func (x *clientIndex) returned(o origin) bool {
	c := match.Unparen(o.cursor)
	if c.ParentEdgeKind() == edge.UnaryExpr_X {
		c = match.Unparen(c.Parent())
	}
	if c.ParentEdgeKind() == edge.ReturnStmt_Results {
		return true
	}
	if o.dest == nil || o.dest.IsField() || o.dest.Parent() == x.pkg.Scope() {
		return false
	}
	for fc := range o.cursor.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		found := false
		for r := range fc.Preorder((*ast.ReturnStmt)(nil)) {
			for _, res := range r.Node().(*ast.ReturnStmt).Results {
				if id, ok := ast.Unparen(res).(*ast.Ident); ok && x.info.Uses[id] == o.dest {
					found = true
				}
			}
		}
		return found
	}
	return false
}

// freshRootCalls reports calls that pass context.Background() or
// context.TODO() to a function of another package whose summary says it
// sends, through a client without a timeout, a request bounded only by
// that context (a function of this package is judged at its send, which
// knows the fresh roots its callers here pass), and calls, to a function
// of any package, that pass a request's context, which has no deadline
// either (httpsum.Result.RequestContext).
func freshRootCalls(p *rule.Pass) {
	sums := p.ResultOf[httpsum.Analyzer].(*httpsum.Result)
	for c := range p.Index.Calls() {
		call := c.Node().(*ast.CallExpr)
		fn := match.Callee(p.TypesInfo, call)
		if fn == nil {
			continue
		}
		sum, known := sums.Of(fn)
		if !known || sum.SendsOnCtx == 0 || p.IsTestCode(c) {
			continue
		}
		client := "an http.Client without a timeout"
		if sum.ViaDefault {
			client = "http.DefaultClient, which has no timeout"
		}
		for j, a := range call.Args {
			if j >= 32 || sum.SendsOnCtx&(1<<j) == 0 {
				continue
			}
			root, ok := ast.Unparen(a).(*ast.CallExpr)
			if ok && match.IsFunc(match.Callee(p.TypesInfo, root), "context", "Background", "TODO") {
				if fn.Pkg() == p.Pkg {
					continue
				}
				p.At(call)
				p.Reportf(a, "%s sends a request through %s, bounded only by the context it is "+
					"given, and context.%s() has no deadline: a stalled upstream blocks this call forever; pass a context "+
					"from context.WithTimeout", match.APIName(fn, p.Pkg), client, match.Callee(p.TypesInfo, root).Name())
				continue
			}
			if sums.RequestContext(p.TypesInfo, p.Index, a) {
				p.At(call)
				p.Reportf(a, "%s sends a request through %s, bounded only by the context it is given, and "+
					"%s is a request's context, which has no deadline: a stalled upstream holds this request until its "+
					"client gives up; give the client a Timeout, or pass a context from context.WithTimeout here",
					match.APIName(fn, p.Pkg), client, ctxName(a))
			}
		}
	}
}

// ctxName names a context argument in a message: its text when short.
func ctxName(e ast.Expr) string {
	if text := types.ExprString(e); len(text) <= 40 {
		return text
	}
	return "this context"
}
