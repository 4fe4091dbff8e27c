package concurrency

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/apis"
	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
	"github.com/prodlint/prodlint/analyzers/internal/summary/iosum"
)

// GoroutineOptions are goroutine-unbounded's rules.toml keys.
type GoroutineOptions struct {
	SmallLoop     int  `toml:"small-loop" doc:"a loop that runs at most this many times (a constant count, a short literal, a small array) may start a goroutine per iteration"`
	ErrgroupLimit int  `toml:"errgroup-limit" doc:"the limit the fix passes to errgroup.Group.SetLimit" min:"1"`
	HandlerSpawns bool `toml:"handler-spawns" doc:"also report a goroutine an http handler starts outside a loop and does not wait for (one per request); off by default because on real code most hand bounded work to a pool, a queue or a limited database pool in another package, which the rule cannot see"`
	InputLoops    bool `toml:"input-loops" doc:"also report, outside request-serving code, a goroutine per item of a collection or stream fed from outside the function: the result of a fetch (a call taking a context.Context and returning a slice or map and an error), a local decoded into or filled by a query, a message of a receive loop that runs until its stream ends, an exported or generic helper's parameter; off by default because on real code most of these lists are bounded by the program's structure (namespaces, partitions, the service's own users, local stores), which types cannot see"`
	AllLoops      bool `toml:"all-loops" doc:"report goroutines started per item in every loop, not only in request-serving code (and, with input-loops, in loops fed from outside the function) (an audit: most of the extra findings are bounded by the program's structure, a goroutine per configured upstream or graph node, which types cannot see)"`
}

// GoroutineUnbounded returns the goroutine-unbounded rule.
func GoroutineUnbounded() *rule.Rule {
	return &rule.Rule{
		ID:         "goroutine-unbounded",
		Severity:   config.SeverityWarning,
		Enabled:    true,
		NewOptions: func() any { return &GoroutineOptions{SmallLoop: 16, ErrgroupLimit: 10} },
		Doc: rule.Doc{
			Title: "report goroutines started per item or per request with no bound",
			Why: "A go statement in a loop over input, or in an http handler, starts as many goroutines as there " +
				"are items or requests. On a laptop that is ten; in production a backlog of millions of jobs starts " +
				"a goroutine each, or thousands of concurrent workers meet an API quota of a hundred: memory " +
				"climbs, connection pools drain, the upstream answers 429 and everything thrashes " +
				"instead of making progress. sync.WaitGroup waits for the goroutines; it does not limit them.",
			Bad: "for _, j := range jobs {\n\tgo process(j)\n}",
			Good: "g, ctx := errgroup.WithContext(ctx)\ng.SetLimit(10)\nfor _, j := range jobs {\n\t" +
				"g.Go(func() error { return process(ctx, j) })\n}\nreturn g.Wait()",
			Scope: "By default a goroutine per item is reported only in code serving a request, where every request " +
				"multiplies it and the caller sets how many items there are: in an http handler, or a function with " +
				"an *http.Request parameter, and literals inside them (every loop; not a plain function other " +
				"packages cannot call, which its package only calls and always hands a request just built by " +
				"http.NewRequest: it sends that request rather than serves it), and per element of a field of " +
				"the request message of a method serving an RPC (a method whose first parameter is a " +
				"context.Context and whose last result is an error, looping over a protobuf-tagged field of a " +
				"parameter). That is the tier whose findings held on code the rule had never seen, and on every " +
				"finding judged on real servers and daemons since. " +
				"input-loops = true also reports, outside request-serving code, items that come from outside the " +
				"function: a local decoded into (json.Unmarshal, Decoder.Decode), filled by a query (appended in a " +
				"rows.Next loop, sqlx Select) or returned by a fetch (a call taking a context.Context and returning " +
				"a slice or map and an error); a message received in a loop that runs until its stream ends (for " +
				"m := range ch, an endless for with m := <-ch or a select case receiving m, a gRPC stream's Recv) " +
				"and used by the goroutine; a protobuf message field of any function's parameter; an exported or " +
				"generic helper that runs a callback parameter per element of a parameter and takes no integer " +
				"(no limit). It is off by default because, judged on real code, most of those lists and streams " +
				"were bounded by the program's structure (namespaces, partitions, the service's own users, a " +
				"local store, a de-duplicated graph walk), which types cannot see: judged finding by finding on a " +
				"corpus of real modules, fetch results were right 3 times in 7 and receive loops 2 times in 5, and " +
				"no narrower form (whether the per-item work does network I/O, which package the list comes from, " +
				"where the channel is fed) was right nine times in ten on enough findings to make it a default. " +
				"A handler's single fire-and-forget goroutine (outside a loop) is reported only with handler-spawns = true. " +
				"all-loops = true reports loops everywhere (an audit: on real code most of the extra findings are " +
				"bounded by the program's structure, one per configured upstream, graph node or operand, which " +
				"types cannot see). " +
				"A loop over a non-constant count other than len(x) is taken as a configured worker count. " +
				"Goroutines started by a function the handler or loop calls, and semaphores taken inside a " +
				"function the goroutine runs other than through a parameter, are not seen; a work list kept in " +
				"a configuration-tagged receiver field, or jobs kept in a receiver field that run through their " +
				"own method, are taken as configuration.",
			Fix: "for errgroup.Group.Go on a local group without a limit: insert g.SetLimit(errgroup-limit) before the loop",
		},
		Requires: []*analysis.Analyzer{iosum.Analyzer},
		Quiet:    rule.Declare(spawnCollected, rule.Forms(loopSpawnQuiet)),
		Run:      runGoroutineUnbounded,
	}
}

// spawn is one place that starts a goroutine.
type spawn struct {
	cur  inspector.Cursor // the go statement or the call of Go
	api  string           // how messages name it
	fn   ast.Expr         // the function the goroutine runs
	args []ast.Expr       // the arguments a go statement passes to fn
	call *ast.CallExpr    // the errgroup.Group.Go call, for errgroup spawns
}

func runGoroutineUnbounded(p *rule.Pass) error {
	opts := rule.Options[GoroutineOptions](p)
	for c := range p.Cursors((*ast.GoStmt)(nil), (*ast.CallExpr)(nil)) {
		s, ok := spawnAt(p.TypesInfo, c)
		if !ok {
			continue
		}
		if loops := match.EnclosingLoops(c); len(loops) > 0 {
			serving := servesRequest(p, c)
			checkLoopSpawn(p, opts, s, loops, opts.AllLoops || serving, serving)
			continue
		}
		if opts.HandlerSpawns {
			checkHandlerSpawn(p, s)
		}
	}
	return nil
}

// servesRequest reports whether c lies in an http handler, or in a function
// (or a function literal inside one) with an *http.Request parameter: a
// goroutine per item there is also a goroutine per request, which load
// multiplies. A request the function is only ever handed freshly built
// (outgoingRequest) is one it sends, not one it serves.
func servesRequest(p *rule.Pass, c inspector.Cursor) bool {
	for fc := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		sig := match.Signature(p.TypesInfo, fc.Node())
		if sig == nil {
			continue
		}
		if apis.IsHTTPHandler(sig) {
			return true
		}
		params := sig.Params()
		for i := range params.Len() {
			if match.IsPointerTo(params.At(i).Type(), "net/http", "Request") && !outgoingRequest(p, fc, i) {
				return true
			}
		}
	}
	return false
}

// outgoingRequest reports whether parameter i of the function declared at
// decl is an outgoing request: the function is a plain function no other
// package can call (unexported, or in package main), the package only ever
// calls it (never uses it as a value), and every call passes a request just
// built by http.NewRequest or NewRequestWithContext (directly, or through
// a local variable declared with one and never assigned again). Such a
// function prepares or sends requests of its own: no client's traffic
// reaches it.
func outgoingRequest(p *rule.Pass, decl inspector.Cursor, i int) bool {
	fd, ok := decl.Node().(*ast.FuncDecl)
	if !ok || fd.Recv != nil {
		return false // a function literal or a method: its callers are not all in view
	}
	fn, _ := p.TypesInfo.Defs[fd.Name].(*types.Func)
	if fn == nil || fn.Exported() && p.Pkg.Name() != "main" {
		return false
	}
	calls := p.Index.CallsOf(fn)
	if len(calls) == 0 || len(calls) != match.References(p.TypesInfo, fn) {
		return false
	}
	for _, c := range calls {
		call := c.Node().(*ast.CallExpr)
		if i >= len(call.Args) || !newRequest(p, call.Args[i]) {
			return false
		}
	}
	return true
}

// newRequest reports whether e is a request just built: a call of
// http.NewRequest or NewRequestWithContext, or a local variable declared
// with one and never assigned again.
func newRequest(p *rule.Pass, e ast.Expr) bool {
	if v := match.Var(p.TypesInfo, e); v != nil {
		value, result, _, ok := p.Index.LocalValue(v)
		if !ok || result != 0 {
			return false
		}
		e = value
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	return ok && match.IsCallTo(p.TypesInfo, call, "net/http", "NewRequest", "NewRequestWithContext")
}

// spawnAt recognises a goroutine start: a go statement, sync.WaitGroup.Go,
// or errgroup.Group.Go / TryGo.
func spawnAt(info *types.Info, c inspector.Cursor) (spawn, bool) {
	switch n := c.Node().(type) {
	case *ast.GoStmt:
		return spawn{cur: c, api: "go statement", fn: n.Call.Fun, args: n.Call.Args}, true
	case *ast.CallExpr:
		if len(n.Args) != 1 {
			return spawn{}, false
		}
		callee := match.Callee(info, n)
		switch {
		case methodIs(callee, "sync", "WaitGroup", "Go"):
			return spawn{cur: c, api: "sync.WaitGroup.Go", fn: n.Args[0]}, true
		case methodIs(callee, errgroupPath, "Group", "Go", "TryGo"):
			return spawn{cur: c, api: "errgroup.Group." + callee.Name(), fn: n.Args[0], call: n}, true
		}
	}
	return spawn{}, false
}

// checkLoopSpawn reports a goroutine started in a loop that nothing bounds.
// Every loop is judged in request-serving code and with all-loops; other
// loops only when fed from outside the function (inputFeedOf).
func checkLoopSpawn(p *rule.Pass, opts *GoroutineOptions, s spawn, loops []inspector.Cursor, everyLoop, serving bool) {
	info := p.TypesInfo
	var outer inspector.Cursor  // the outermost loop that does not bound the spawn
	var open []inspector.Cursor // every loop that does not bound it, innermost first
	bound := ""                 // the collected form of the innermost loop that bounds it
	unbounded, count := false, 0
	for _, l := range loops {
		kind, n := classifyLoop(info, l, opts.SmallLoop)
		switch {
		case kind == fixedLoop:
			if bound == "" && p.Explaining() { // telling an accept loop walks the loop's body
				bound = fixedLoopForm(info, l)
			}
			continue
		case kind == countLoop:
			bound = cmp.Or(bound, "worker-count")
			continue
		case kind == constLoop && n <= opts.SmallLoop:
			bound = cmp.Or(bound, "small-loop")
			continue // a small fan-out
		case kind == constLoop && consumesChannel(info, s):
			bound = cmp.Or(bound, "worker-count")
			continue // a fixed pool of workers
		case kind == constLoop:
			count = max(count, n)
		default:
			unbounded = true
		}
		outer = l
		open = append(open, l)
	}
	if !outer.Valid() {
		rule.Decided(p, s.cur.Node(), bound)
		return
	}
	cand := loopSpawn{p: p, s: s, open: open, outer: outer}
	if !everyLoop {
		feed, ok := inputFeedOf(p, s, open)
		if !ok || !unbounded {
			// The loop runs over the program's own state: not a candidate by default.
			rule.Decided(p, s.cur.Node(), "program-state")
			return
		}
		if !feed.request && !opts.InputLoops {
			return // input outside request-serving code: only with input-loops
		}
		cand.feed, cand.fed = feed, true
		if rule.Quiet(p, s.cur.Node(), loopSpawnQuiet, cand) {
			return
		}
		reportFed(p, opts, s, feed, outer)
		return
	}
	if rule.Quiet(p, s.cur.Node(), loopSpawnQuiet, cand) {
		return
	}
	if s.call != nil {
		g := errgroupState(info, s)
		p.Report(s.call, "errgroup.Group."+match.Callee(info, s.call).Name()+" in a loop on a group without SetLimit "+
			"starts every task at once: a large input runs them all concurrently and exhausts memory, connections "+
			"and upstream quotas; call SetLimit on the group before the loop", setLimitFixes(p, opts, g, outer)...)
		return
	}
	if unbounded && serving {
		p.Reportf(s.cur.Node(), "%s in a loop of request-serving code starts a goroutine per item on every request "+
			"with nothing bounding how many run at once: concurrent requests multiply them and a large input starts "+
			"them all together, exhausting memory, connections and upstream quotas%s; bound them with "+
			"errgroup.Group.SetLimit, a semaphore, or a fixed pool of workers reading from a channel", s.api,
			outlivesRequest(info, s))
		return
	}
	if unbounded {
		p.Reportf(s.cur.Node(), "%s in a loop starts a goroutine per iteration with nothing bounding how many run "+
			"at once: a large input starts them all together and exhausts memory, connections and upstream quotas; "+
			"bound it with errgroup.Group.SetLimit, a semaphore, or a fixed pool of workers reading from a channel", s.api)
		return
	}
	p.Reportf(s.cur.Node(), "%s in a loop starts %s goroutines at once: more concurrent work than an upstream quota "+
		"or a connection pool allows; lower the count, or bound it with errgroup.Group.SetLimit, a semaphore, or "+
		"workers reading from a channel", s.api, strconv.Itoa(count))
}

// reportFed reports a spawn per item of input outside request-serving
// code, naming the collection or stream that feeds it.
func reportFed(p *rule.Pass, opts *GoroutineOptions, s spawn, feed inputFeed, outer inspector.Cursor) {
	info := p.TypesInfo
	const harm = "exhausts memory, connections and upstream quotas"
	if s.call != nil {
		g := errgroupState(info, s)
		name := "errgroup.Group." + match.Callee(info, s.call).Name()
		switch feed.kind {
		case perMessage:
			p.Report(s.call, name+" on a group without SetLimit runs a task per message received from "+feed.what+
				": a burst or a backlog runs them all at once and "+harm+"; call SetLimit on the group before the loop",
				setLimitFixes(p, opts, g, outer)...)
		default:
			p.Report(s.call, name+" on a group without SetLimit runs a task per element of "+feed.what+" ("+feed.origin+
				") all at once: a large input "+harm+"; call SetLimit on the group before the loop",
				setLimitFixes(p, opts, g, outer)...)
		}
		return
	}
	switch feed.kind {
	case perMessage:
		p.Reportf(s.cur.Node(), "%s starts a goroutine per message received from %s, in a loop that runs until the "+
			"stream ends, with no gate: a burst or a backlog starts them all at once and %s; take a semaphore slot "+
			"before the go statement, or hand the messages to a fixed pool of workers", s.api, feed.what, harm)
	case perHelper:
		p.Reportf(s.cur.Node(), "%s starts a goroutine per element of %s and the helper takes no limit: every "+
			"caller's input runs all at once and %s; add a limit parameter and bound the goroutines with "+
			"errgroup.Group.SetLimit or a semaphore", s.api, feed.what, harm)
	default:
		p.Reportf(s.cur.Node(), "%s starts a goroutine per element of %s (%s) with nothing bounding how many run "+
			"at once: a large input starts them all together and %s; bound it with errgroup.Group.SetLimit, a "+
			"semaphore, or a fixed pool of workers reading from a channel", s.api, feed.what, feed.origin, harm)
	}
}

// outlivesRequest returns the clause the message adds when the function
// that starts the goroutines returns without waiting for them: then they
// outlive the request that started them, and a burst of requests piles
// them up whatever bounds the items of one request.
func outlivesRequest(info *types.Info, s spawn) string {
	fn, _, _ := match.EnclosingFunc(info, s.cur)
	if !fn.Valid() || gatedOrJoined(info, s, fn) {
		return ""
	}
	return " (the function returns without waiting for them, so they also outlive their requests and pile up under load)"
}

// checkHandlerSpawn reports a goroutine an http handler starts per request
// and never waits for.
func checkHandlerSpawn(p *rule.Pass, s spawn) {
	info := p.TypesInfo
	fn, _, sig := match.EnclosingFunc(info, s.cur)
	if !fn.Valid() || !apis.IsHTTPHandler(sig) {
		return
	}
	switch {
	case gatedOrJoined(info, s, fn):
		rule.Decided(p, s.cur.Node(), "handler-joins")
		return
	case takesOverConn(info, fn, s):
		rule.Decided(p, s.cur.Node(), "hijacked-connection")
		return
	case watchesDone(info, s):
		rule.Decided(p, s.cur.Node(), "done-watcher")
		return
	case s.call != nil && errgroupState(info, s).state != groupUnlimited:
		rule.Decided(p, s.cur.Node(), "handler-joins") // a group the handler limits
		return
	}
	p.Reportf(s.cur.Node(), "%s in an http handler starts a goroutine per request that the handler does not wait "+
		"for: under load they outlive their requests and pile up without limit, exhausting memory and the "+
		"backends they call; hand the work to a fixed pool of workers through a bounded queue, or gate it with a "+
		"semaphore", s.api)
}

// takesOverConn reports whether the handler takes over the connection
// before the spawn: a hijack, or a websocket-style upgrade (a call given
// the handler's ResponseWriter and Request that returns a connection with
// SetReadDeadline). Goroutines serving a connection the handler took over
// are Go's server model, one per connection, not per item.
func takesOverConn(info *types.Info, fn inspector.Cursor, s spawn) bool {
	for c := range fn.Preorder((*ast.CallExpr)(nil)) {
		call := c.Node().(*ast.CallExpr)
		if call.End() > s.cur.Node().Pos() {
			continue
		}
		callee := match.Callee(info, call)
		if callee != nil && apis.IsHijack(callee) {
			return true
		}
		if upgrades(info, call) {
			return true
		}
	}
	return false
}

// upgrades reports whether call is given an http.ResponseWriter and an
// *http.Request and returns a connection (a value with a
// SetReadDeadline(time.Time) error method).
func upgrades(info *types.Info, call *ast.CallExpr) bool {
	var w, r bool
	for _, a := range call.Args {
		t := info.TypeOf(a)
		w = w || match.IsNamed(t, httpPath, "ResponseWriter")
		r = r || match.IsPointerTo(t, httpPath, "Request")
	}
	sig, ok := types.Unalias(info.TypeOf(call.Fun)).(*types.Signature)
	if !w || !r || !ok || sig.Results().Len() == 0 {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(sig.Results().At(0).Type(), true, nil, "SetReadDeadline")
	m, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	ms := m.Signature()
	return ms.Params().Len() == 1 && match.IsNamed(ms.Params().At(0).Type(), "time", "Time")
}

// watchesDone reports whether the goroutine first waits for a context's
// Done (go func() { <-ctx.Done(); cleanup() }()): it ends with the
// request's context, like context.AfterFunc.
func watchesDone(info *types.Info, s spawn) bool {
	body := spawnedBody(s)
	if body == nil || len(body.List) == 0 {
		return false
	}
	es, ok := body.List[0].(*ast.ExprStmt)
	if !ok {
		return false
	}
	u, ok := ast.Unparen(es.X).(*ast.UnaryExpr)
	return ok && u.Op == token.ARROW && isDoneCall(info, u.X)
}
