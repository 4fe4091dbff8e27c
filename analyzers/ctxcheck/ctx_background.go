package ctxcheck

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"go/version"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/fix"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
	"github.com/prodlint/prodlint/analyzers/internal/summary/ctxsum"
)

// Background returns the ctx-background rule.
func Background() *rule.Rule {
	return &rule.Rule{
		ID:       "ctx-background",
		Severity: config.SeverityError,
		Enabled:  true,
		Requires: []*analysis.Analyzer{ctxsum.Analyzer},
		Imports:  []string{"context"},
		Doc: rule.Doc{
			Title: "report context.Background/TODO where a ctx or request is in scope",
			Why: `A fresh context.Background() cuts the cancellation chain: when the client disconnects, the caller's ` +
				`deadline passes or the server shuts down, the work started with it keeps running, holding connections, ` +
				`goroutines and upstream quota for a caller who has gone. This is how agents kept reasoning and calling ` +
				`APIs after their callers had left until the queues backed up (shared/WAR-STORIES.md). A fresh root also ` +
				`drops the request's values, so the work can no longer be traced to the request that caused it.`,
			Bad: `func (s *Server) Answer(w http.ResponseWriter, r *http.Request) {
	reply, err := s.llm.Complete(context.Background(), prompt(r))
	// ...
}`,
			Good: `func (s *Server) Answer(w http.ResponseWriter, r *http.Request) {
	reply, err := s.llm.Complete(r.Context(), prompt(r))
	// ...
}`,
			Quiet: `Functions without a named context.Context or *http.Request parameter of their own or of an enclosing ` +
				`function (main, init, package-level code, most tests; _test.go files are not analyzed by default), and ` +
				`urfave/cli v3 command actions, whose ctx is the process's root context as main's is. ` +
				`A deliberate, visible rebinding of the ctx name to a fresh root (ctx = context.Background() in an ` +
				`"if ctx == nil" guard, or ctx := context.Background() in an inner block), after which the ctx name no ` +
				`longer denotes the request context. A fresh root stored in a struct field, alone or through ` +
				`context.With* (c.ctx, c.cancel = context.WithCancel(context.Background()) in a constructor), or used in a ` +
				`function literal the function returns (a release or shutdown function): the context of a long-lived ` +
				`object must not end when the constructor's caller returns. Deferred calls, which run as the function ends, ` +
				`typically because ctx is over. Code that runs once the ctx is known to be over: after a blocking ` +
				`<-ctx.Done(), in a "case <-ctx.Done():" clause, in "if ctx.Err() != nil", in the else branch of ` +
				`"if ctx.Err() == nil" or after such an if whose body returns, also when the test is on a plain copy of ` +
				`the ctx (abortCtx := ctx) (graceful shutdown, ` +
				`rollbacks and status writes need a live context there; context.WithoutCancel(ctx) is still the better ` +
				`choice, but the fresh context is not a mistake). context.WithoutCancel(ctx) itself. ` +
				`Fresh roots whose purpose the code makes plain, followed through context.With*, trace calls and local ` +
				`variables: one handed to a function of this package that ends the process (calls os.Exit), since stopping ` +
				`must outlive the request that asked for it; one that ends in (*http.Server).Shutdown, which must run when ` +
				`the caller's ctx is over; one a trace is carried into (OpenTelemetry's propagator.Extract, ` +
				`trace.ContextWithSpanContext or ContextWithRemoteSpanContext), since the author detached it on purpose ` +
				`and kept the trace; in detached work (a go statement, or a function this package only ever starts with ` +
				`go), one with its own deadline (context.WithTimeout) or its own span (tracer.Start); one handed to a call ` +
				`together with a func() callback (RunAtShutdown(ctx, func()), context.AfterFunc), where the context only ` +
				`decides whether the hook runs. A ctx that is itself a fresh root on every path the package shows (every ` +
				`call of the function in the package passes context.Background() or TODO(), or its own ctx parameter when its callers do, up to three levels). A fresh root whose statement ` +
				`has a comment just above it that names it ("background" in any case, or "TODO()"), or explains it in ` +
				`three lines or more that mention the context, unless the comment ` +
				`is a TODO, FIXME or XXX note. A callback that takes the context or returns an error (a retry helper) is ` +
				`still reported, and so is a fresh root handed to a function in another package that stops the process. ` +
				`Fresh roots whose uses show they cut nothing: one whose cancel function the code calls once ctx is over ` +
				`(after <-ctx.Done(), in a "case <-ctx.Done():" clause), hands to context.AfterFunc(ctx, cancel), or hands ` +
				`to a stop path (returns it, stores it in a field or package variable or in a map held by one, passes it to a function): an ` +
				`ordered shutdown that ends a backend only after the server has drained; one used after a ` +
				`transaction's Commit in the same function (a follow-up write, such as an audit record, that must ` +
				`complete once the change has happened); one handed only to functions that compute a value (results ` +
				`with no error, no context and nothing with a method that returns an error: a logger or a route ` +
				`looked up from a context), including a request built on it (NewRequestWithContext, req.Clone, req.WithContext) only to be matched against routes and ` +
				`never sent (used only by such lookups and field reads); a fresh root after the handler has taken over the connection ` +
				`(http.Hijacker, ResponseController.Hijack, a websocket Accept or Upgrade), in the handler or in work it ` +
				`starts (a goroutine, a function literal run later): from then on the server no longer watches the ` +
				`connection, so the request's context does not end when the client leaves, only when the handler ` +
				`returns, which would cut work meant to outlive it (a client that leaves closes the connection and ends ` +
				`its I/O anyway); and a timer-only context (context.WithTimeout or WithDeadline of a fresh ` +
				`root) used only beside the caller's own context (a call that also receives ctx, a select that also ` +
				`waits on ctx.Done()). A fresh root handed straight to a function of this package, or of another package of the analyzed module(s) (followed through its summary), that never reads the ` +
				`context (its parameter is _, unnamed, or unused): nothing can be cancelled through it. A fresh root in the ` +
				`body of "if f == nil" where f is a function returning a context.Context (an optional context factory, ` +
				`if opts.BaseContext == nil { base = func() context.Context { return context.Background() } }, or ` +
				`hctx = context.Background() with hctx = f() in the else branch): the documented default of an option ` +
				`whose caller may supply a context of their own.`,
			Fix: `No fix for the common case: whether the work should stop with the caller (pass ctx) or outlive it ` +
				`(context.WithoutCancel(ctx)) is the author's call, and passing ctx changes when the work is cancelled ` +
				`(a backend cancelled before a graceful stop has drained it), so the message says both. In a go ` +
				`statement, whose work is meant to outlive the request, it replaces the fresh root with ` +
				`context.WithoutCancel(ctx) (Go 1.21+), which keeps the request's values and, like the fresh root, is ` +
				`never cancelled.`,
		},
		Run: runBackground,
	}
}

func runBackground(p *rule.Pass) error {
	done := newDoneIndex(p.TypesInfo)
	exits := map[*types.Func]bool{} // per function: does it call os.Exit
	calls := newPackageCalls(p)
	for c := range p.Cursors((*ast.CallExpr)(nil)) {
		call := c.Node().(*ast.CallExpr)
		fn := match.Callee(p.TypesInfo, call)
		if !match.IsFunc(fn, "context", "Background", "TODO") {
			continue
		}
		src, ok := ctxInScope(p.TypesInfo, p.Pkg, c)
		if !ok {
			continue // no context to propagate: main, init, CLI code, library roots
		}
		if rebindsCtxName(p.TypesInfo, c, src) {
			continue // ctx = context.Background(): a deliberate, visible detach
		}
		if storedInField(p.TypesInfo, c) {
			continue // the context of a long-lived object, not of this call
		}
		if done.afterDone(src, call.Pos()) {
			continue // ctx is over here: cleanup needs a live context
		}
		if detachedUnder(c, src.owner, token.DEFER) {
			continue // deferred cleanup runs as the function ends, often because ctx is over
		}
		if inReturnedFunc(c, src.owner) {
			continue // runs when the caller calls it, after this call is over
		}
		if endsProcess(p, exits, c) {
			continue // exitProcess(context.Background(), ...): stopping must outlive the request that asked
		}
		if registersHook(p.TypesInfo, c) {
			continue // RunAtShutdown(context.Background(), func() {...}): the ctx only gates the hook
		}
		flow := followFresh(p.TypesInfo, c, src.owner)
		if flow.shutsDown {
			continue // srv.Shutdown(ctx) must run when the caller's ctx is over
		}
		if flow.carriesTrace {
			continue // propagator.Extract(context.Background(), carrier): a trace carried over on purpose
		}
		if cancelledOnDone(p.TypesInfo, done, flow, src) {
			continue // ended in order after ctx is over: an ordered shutdown passing ctx would break
		}
		if onlyLookupsOrTimer(p.TypesInfo, flow, src) {
			continue // feeds only value lookups, or only a timer beside ctx: nothing outlives the caller
		}
		if afterHijack(p.TypesInfo, c, src.owner) {
			continue // the connection is taken over: the request's ctx no longer ends with the client, only with the handler
		}
		if discardedByCallee(p, c) {
			continue // f(context.Background()) where f never reads its ctx: nothing to cancel
		}
		if defaultOfNilFunc(p.TypesInfo, c, src.owner) {
			continue // the default of an optional context factory (if f == nil): the caller chose
		}
		if afterCommit(p.TypesInfo, c) {
			continue // a follow-up write after a committed change must complete
		}
		owner := declared(p.TypesInfo, src.owner)
		detached := detachedUnder(c, src.owner, token.GO) || owner != nil && calls.onlySpawned(owner)
		if detached && (flow.bounded || flow.startsSpan) {
			continue // detached work with its own deadline or its own trace: a deliberate root
		}
		if owner != nil && !src.request && calls.onlyFreshRoots(owner, src.v) {
			continue // every caller here passes a fresh root: ctx is one too
		}
		if explainedInComment(p, c) {
			continue // the author wrote down why this work must not end with ctx
		}
		reportBackground(p, c, call, fn, preferDerived(p.TypesInfo, p.Pkg, c, src))
	}
	return nil
}

func reportBackground(p *rule.Pass, c inspector.Cursor, call *ast.CallExpr, fn *types.Func, src ctxSource) {
	api := "context." + fn.Name() + "()"
	what := src.v.Name() + "'s cancellation and deadline"
	if src.request {
		what = "the request's cancellation and deadline"
	}
	if detachedUnder(c, src.owner, token.GO) {
		if wc, ok := withoutCancelCall(p, c, call, fn, src); ok {
			p.Report(call, fmt.Sprintf("%s in a go statement drops the values of %s (trace and request ids, "+
				"auth) along with its cancellation, so the work cannot be traced to its request; use %s, which "+
				"outlives the request but keeps its values", api, src.expr(), wc),
				fix.New("Use "+wc, fix.Replace(call, wc)))
			return
		}
	}
	work := "this work"
	if outer, ok := argumentOf(c); ok {
		work = types.ExprString(outer.Fun)
	}
	// No fix: whether this work should stop with the caller or outlive it
	// is the author's call, and passing ctx changes when it is cancelled
	// (a backend cancelled before a graceful stop has drained it).
	p.Report(call, fmt.Sprintf("%s drops %s: when the caller gives up, %s keeps running and piles up; "+
		"if it should stop with the caller, pass %s; if it must outlive it (a cleanup, a write that must "+
		"complete), use context.WithoutCancel(%s) to keep its values, or say why in a comment above it",
		api, what, work, src.expr(), src.expr()))
}

// withoutCancelCall returns the source text of context.WithoutCancel(ctx),
// qualified as the call's own reference to the context package, when the
// file's Go version has it.
func withoutCancelCall(p *rule.Pass, c inspector.Cursor, call *ast.CallExpr, fn *types.Func, src ctxSource) (string, bool) {
	if fn.Pkg().Scope().Lookup("WithoutCancel") == nil {
		return "", false
	}
	if file, ok := enclosingFile(c); ok {
		v := p.TypesInfo.FileVersions[file]
		if v == "" {
			v = p.Pkg.GoVersion()
		}
		if v != "" && version.Compare(v, "go1.21") < 0 {
			return "", false
		}
	}
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		if id, ok := f.X.(*ast.Ident); ok {
			return id.Name + ".WithoutCancel(" + src.expr() + ")", true
		}
	case *ast.Ident: // dot import
		if obj := fix.LookupAt(p.Pkg, call.Pos(), "WithoutCancel"); obj == fn.Pkg().Scope().Lookup("WithoutCancel") {
			return "WithoutCancel(" + src.expr() + ")", true
		}
	}
	return "", false
}

// rebindsCtxName reports whether the call is the whole value assigned to a
// variable named like the ctx in scope (`ctx = context.Background()`,
// `ctx := context.Background()`): the author visibly replaced the context.
func rebindsCtxName(info *types.Info, c inspector.Cursor, src ctxSource) bool {
	if src.request {
		return false
	}
	e := match.Unparen(c)
	lhs, rhs, ok := assignment(e.Parent().Node())
	if !ok || len(lhs) != len(rhs) {
		return false
	}
	for i, r := range rhs {
		if r == e.Node() {
			id, ok := lhs[i].(*ast.Ident)
			return ok && id.Name == src.v.Name() && info.ObjectOf(id) != nil && isContext(info.ObjectOf(id).Type())
		}
	}
	return false
}

func enclosingFile(c inspector.Cursor) (*ast.File, bool) {
	for fc := range c.Enclosing((*ast.File)(nil)) {
		return fc.Node().(*ast.File), true
	}
	return nil, false
}
