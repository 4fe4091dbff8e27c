package ctxcheck

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/rule"
	"github.com/prodlint/prodlint/analyzers/internal/summary/iosum"
)

// freshRoot is a call of context.Background or context.TODO where a
// context is in scope, a candidate of ctx-background.
type freshRoot struct {
	p     *rule.Pass
	opts  *BackgroundOptions
	c     inspector.Cursor
	src   ctxSource
	done  *doneIndex
	exits map[*types.Func]bool
}

// freshRootQuiet are the safe forms decided from where the fresh root
// sits, before following where it flows.
var freshRootQuiet = []rule.QuietForm[freshRoot]{
	{
		Name: "rebinds-ctx-name",
		Doc: "A deliberate, visible rebinding of the ctx name to a fresh root (ctx = context.Background() in an " +
			"\"if ctx == nil\" guard, ctx := context.Background() in an inner block, or ctx, cancel := " +
			"context.WithCancel(context.Background())), after which the ctx name no " +
			"longer denotes the request context.",
		Applies: func(f freshRoot) bool { return rebindsCtxName(f.p.TypesInfo, f.c, f.src) },
	},
	{
		Name: "nil-guard-default",
		Doc: "A fresh root in the body of an if that tests the ctx in scope for nil (if ctx == nil, if isNil(ctx), " +
			"also through a *context.Context), or that fills the very context-typed field the if tests for nil (if " +
			"req.Ctx == nil { req.Ctx = ... }): there is no context to propagate there.",
		Applies: func(f freshRoot) bool { return nilGuardDefault(f.p.TypesInfo, f.c, f.src) },
	},
	{
		Name: "stored-callback",
		Doc: "A fresh root in a function literal with no context or request parameter that is stored in a field (a " +
			"callback of a config struct): it runs later, outside the call whose ctx is in scope.",
		Applies: func(f freshRoot) bool { return storedCallback(f.p.TypesInfo, f.c, f.src) },
	},
	{
		Name: "stored-in-field",
		Doc: "A fresh root stored in a struct field, alone or through context.With* (c.ctx, c.cancel = " +
			"context.WithCancel(context.Background()) in a constructor): the context of a long-lived object must not " +
			"end when the constructor's caller returns.",
		Applies: func(f freshRoot) bool { return storedInField(f.p.TypesInfo, f.c) },
	},
	{
		Name: "after-done",
		Doc: "Code that runs once the ctx is known to be over: after a blocking <-ctx.Done(), in a \"case " +
			"<-ctx.Done():\" clause, in \"if ctx.Err() != nil\", in the else branch of \"if ctx.Err() == nil\" or after " +
			"such an if whose body returns, also when the test is on a plain copy of the ctx (abortCtx := ctx): " +
			"graceful shutdown, rollbacks and status writes need a live context there (context.WithoutCancel(ctx) is " +
			"still the better choice, but the fresh context is not a mistake).",
		Applies: func(f freshRoot) bool { return f.done.afterDone(f.src, f.c.Node().Pos()) },
	},
	{
		Name:    "deferred",
		Doc:     "Deferred calls, which run as the function ends, typically because ctx is over.",
		Applies: func(f freshRoot) bool { return detachedUnder(f.c, f.src.owner, token.DEFER) },
	},
	{
		Name: "in-returned-func",
		Doc: "A fresh root used in a function literal the function returns (a release or shutdown function): it runs " +
			"when the caller calls it, after this call is over.",
		Applies: func(f freshRoot) bool { return inReturnedFunc(f.c, f.src.owner) },
	},
	{
		Name: "ends-process",
		Doc: "A fresh root handed to a function of this package that ends the process (calls os.Exit), since stopping " +
			"must outlive the request that asked for it; one handed to a function in another package that stops the " +
			"process is still reported.",
		Applies: func(f freshRoot) bool { return endsProcess(f.p, f.exits, f.c) },
	},
	{
		Name: "context-factory",
		Doc: "A fresh root returned as the context.Context result of a function that never reads the context it is " +
			"given (an overridable hook that picks the context of later work, documented to default to a fresh " +
			"one): choosing the context is the function's whole job.",
		Applies: func(f freshRoot) bool { return contextFactory(f.p.TypesInfo, f.c, f.src) },
	},
	{
		Name: "closes-resource",
		Doc: "A fresh root handed straight to a Close, close or Shutdown method (the cleanup of a resource being released or " +
			"replaced), which must complete whoever is waiting.",
		Applies: func(f freshRoot) bool { return closesResource(f.p.TypesInfo, f.c) },
	},
	{
		Name: "fills-shared-state",
		Doc: "A fresh root used while a sync.Mutex or RWMutex is held by code that stores into a field under it (a " +
			"cache filled once, a query prepared once, in the function or in a literal a function of the package " +
			"calls under its lock): the result is computed once for every caller waiting on the lock, and one " +
			"caller's cancellation must not fail it for the others.",
		Applies: func(f freshRoot) bool { return fillsSharedState(f.p, f.c) },
	},
	{
		Name: "own-context-type",
		Doc: "A fresh root handed to a function of this package that returns a context of a type the package declares " +
			"with its own Done (a context that ends when the node loses a role or a stop channel closes): the package " +
			"chose that context's lifetime.",
		Applies: func(f freshRoot) bool { return intoOwnContext(f.p, f.c) },
	},
	{
		Name: "resets-context",
		Doc: "A fresh root handed to a method that, on the same receiver and at the same argument, was handed a live " +
			"context earlier in the same function, with another method of that receiver, or of the object that holds it " +
			"(r.vm, r), called in between " +
			"(vm.SetContext(ctx), vm.Run(script), then vm.SetContext(context.Background())): the object is reset once " +
			"the work is done, so that it does not keep the finished call's context.",
		Applies: func(f freshRoot) bool { return resetsContext(f.p.TypesInfo, f.c) },
	},
	{
		Name: "registers-hook",
		Doc: "A fresh root handed to a call together with a func() callback (RunAtShutdown(ctx, func()), " +
			"context.AfterFunc), where the context only decides whether the hook runs; a callback that takes the " +
			"context or returns an error (a retry helper) is still reported.",
		Applies: func(f freshRoot) bool { return registersHook(f.p.TypesInfo, f.c) },
	},
}

// freshRootFlow is a fresh root with where it flows: the variables and
// calls that carry it, and the function that owns the context in scope.
type freshRootFlow struct {
	freshRoot
	flow     freshFlow
	calls    *packageCalls
	owner    *types.Func
	detached bool // in a go statement, or in a function this package only starts with go
	io       *iosum.Summary
}

// freshRootFlowQuiet are the safe forms decided from where the fresh root
// flows and what the code around it says.
var freshRootFlowQuiet = []rule.QuietForm[freshRootFlow]{
	{
		Name:    "shuts-down-server",
		Doc:     "A fresh root that ends in (*http.Server).Shutdown, which must run when the caller's ctx is over.",
		Applies: func(f freshRootFlow) bool { return f.flow.shutsDown },
	},
	{
		Name: "carries-trace",
		Doc: "A fresh root a trace is carried into (OpenTelemetry's propagator.Extract, trace.ContextWithSpanContext " +
			"or ContextWithRemoteSpanContext), since the author detached it on purpose and kept the trace.",
		Applies: func(f freshRootFlow) bool { return f.flow.carriesTrace },
	},
	{
		Name: "cancelled-on-done",
		Doc: "A fresh root whose cancel function the code calls once ctx is over (after <-ctx.Done(), in a \"case " +
			"<-ctx.Done():\" clause), hands to context.AfterFunc(ctx, cancel), or hands to a stop path (returns it, " +
			"stores it in a field or package variable or in a map held by one, passes it to a function): an ordered " +
			"shutdown that ends a backend only after the server has drained.",
		Applies: func(f freshRootFlow) bool { return cancelledOnDone(f.p.TypesInfo, f.done, f.flow, f.src) },
	},
	{
		Name: "only-lookups-or-timer",
		Doc: "A fresh root handed only to functions that compute a value (results with no error, no context and " +
			"nothing with a method that returns an error: a logger or a route looked up from a context) and whose " +
			"I/O summary, in this package or through facts across packages, does not say they may reach the " +
			"network or a database (an interface method that takes a context may), including a " +
			"request built on it (NewRequestWithContext, req.Clone, req.WithContext) only to be matched against routes " +
			"and never sent; or a timer-only context (context.WithTimeout or WithDeadline of a fresh root) used only " +
			"beside the caller's own context (a call that also receives ctx, a select that also waits on ctx.Done()).",
		Applies: func(f freshRootFlow) bool { return onlyLookupsOrTimer(f.p.TypesInfo, f.io, f.flow, f.src) },
	},
	{
		Name: "after-hijack",
		Doc: "A fresh root after the handler has taken over the connection (http.Hijacker, ResponseController.Hijack, " +
			"a websocket Accept or Upgrade), in the handler or in work it starts: from then on the request's context " +
			"does not end when the client leaves, only when the handler returns, which would cut work meant to " +
			"outlive it.",
		Applies: func(f freshRootFlow) bool { return afterHijack(f.p.TypesInfo, f.c, f.src.owner) },
	},
	{
		Name: "resource-outlives-call",
		Doc: "A fresh root (or a context derived from it) handed to a call whose result is a resource with a Close " +
			"method that a go statement of the function uses or that is stored in a field (a pipe that feeds a copy " +
			"goroutine for the life of a process): the resource must outlive the call.",
		Applies: func(f freshRootFlow) bool { return resultOutlivesCall(f.p.TypesInfo, f.src.owner, f.flow) },
	},
	{
		Name: "cancelled-before-return",
		Doc: "A fresh root derived with a cancel function that a defer calls, whose context only go statements of " +
			"the function use (a monitor goroutine stopped before the function returns), outside detached work: nothing outlives the call.",
		Applies: func(f freshRootFlow) bool {
			return !f.detached && deferredCancelFeedsGoroutines(f.p.TypesInfo, f.src.owner, f.flow)
		},
	},
	{
		Name: "cancelled-at-once",
		Doc: "A fresh root derived with a cancel function that the very next statement calls (cctx, cancel := " +
			"context.WithCancel(context.Background()); cancel()): the context is done before anything uses it, an " +
			"already-cancelled context asked for on purpose (a call that must answer from what it holds, without " +
			"waiting or reaching a backend), which the caller's live ctx would not give; nothing can run past the caller.",
		Applies: func(f freshRootFlow) bool { return cancelledAtOnce(f.p.TypesInfo, f.flow) },
	},
	{
		Name: "callee-ignores-ctx",
		Doc: "A fresh root handed straight to a function of this package, or of another package of the analyzed " +
			"module(s) (followed through its summary), that never reads the context (its parameter is _, unnamed, or " +
			"unused): nothing can be cancelled through it.",
		Applies: func(f freshRootFlow) bool { return discardedByCallee(f.p, f.c) },
	},
	{
		Name: "default-of-nil-func",
		Doc: "A fresh root in the body of \"if f == nil\" where f is a function returning a context.Context (an " +
			"optional context factory, if opts.BaseContext == nil { base = func() context.Context { return " +
			"context.Background() } }): the documented default of an option whose caller may supply a context of " +
			"their own.",
		Applies: func(f freshRootFlow) bool { return defaultOfNilFunc(f.p.TypesInfo, f.c, f.src.owner) },
	},
	{
		Name: "after-commit",
		Doc: "A fresh root used after a transaction's Commit in the same function: a follow-up write, such as an " +
			"audit record, that must complete once the change has happened.",
		Applies: func(f freshRootFlow) bool { return afterCommit(f.p.TypesInfo, f.c) },
	},
	{
		Name: "detached-with-own-deadline",
		Doc: "In detached work (a go statement, or a function this package only ever starts with go), a fresh root " +
			"with its own deadline (context.WithTimeout) or its own span (tracer.Start).",
		Applies: func(f freshRootFlow) bool { return f.detached && (f.flow.bounded || f.flow.startsSpan) },
	},
	{
		Name: "callers-pass-fresh-roots",
		Doc: "A ctx that is itself a fresh root on every path the package shows: every call of the function in the " +
			"package passes context.Background() or TODO(), or its own ctx parameter when its callers do, up to three " +
			"levels, in a function other packages cannot call (unexported, or in package main): an exported one's " +
			"callers elsewhere may pass a live ctx.",
		Applies: func(f freshRootFlow) bool {
			return f.owner != nil && !f.src.request && f.calls.onlyFreshRoots(f.owner, f.src.v)
		},
	},
	{
		Name: "explained-in-comment",
		Doc: "A fresh root whose statement has a comment just above it that names it (\"background\" in any case, or " +
			"\"TODO()\"), or explains it in three lines or more that mention the context, unless the comment is a " +
			"TODO, FIXME or XXX note.",
		Applies: func(f freshRootFlow) bool { return explainedInComment(f.p, f.c) },
	},
	{
		Name: "in-go-statement",
		Doc: "In the default tier, a fresh root in a go statement, or in a function this package only ever starts " +
			"with go: the work outlives the request by design, and the fresh root drops only the request's values, " +
			"not a cancellation anyone waits for (reported, with context.WithoutCancel(ctx) as the fix, with " +
			"go-statements = true).",
		Applies: func(f freshRootFlow) bool { return !f.opts.GoStatements && f.detached },
	},
	{
		Name: "own-deadline",
		Doc: "In the default tier, outside request-serving code (a function handed the *http.Request itself), a fresh " +
			"root given its own deadline (context.WithTimeout or WithDeadline of it: startup work, a pool acquire, a " +
			"final send at shutdown): the work ends by the bound the author chose, whoever waits for it, so nothing " +
			"piles up (reported with bounded = true).",
		Applies: func(f freshRootFlow) bool { return !f.opts.Bounded && !f.src.request && f.flow.bounded },
	},
	{
		Name: "state-changing-call",
		Doc: "In the default tier, outside request-serving code (a function handed the *http.Request itself), a fresh " +
			"root handed only to calls made for their effect: the callee's I/O summary (in this package or, through " +
			"facts, in another package of the analyzed module(s)) says it may reach the network or a database, and " +
			"the caller keeps nothing of it but the error (the callee returns nothing or only an error, or its other " +
			"results are assigned to _ or dropped), with no variable handed to it by address to fill (var res T; " +
			"f(ctx, &res)). A follow-up write that must complete once a change has happened, or an operation that " +
			"must finish once started, is as often meant as a mistake; a fresh root for a call whose result the " +
			"caller uses, or for a wait, is reported (calls made for their effect are reported with writes = true).",
		Applies: func(f freshRootFlow) bool {
			return !f.opts.Writes && !f.src.request && onlyEffects(f.p.TypesInfo, f.io, f.flow, f.src)
		},
	},
}

// backgroundCollected are the safe forms ctx-background decides while it
// collects candidates: the fresh root is never a candidate.
var backgroundCollected = rule.Collected(
	rule.Form{Name: "no-ctx-in-scope", Doc: "A function without a named context.Context or *http.Request parameter " +
		"of its own or of an enclosing function (main, init, package-level code, most tests; _test.go files are not " +
		"analyzed by default), or one whose name is rebound to a fresh root where the call is: there is no " +
		"caller's context to keep."},
	rule.Form{Name: "cli-action-root", Doc: "A urfave/cli v3 command action, whose ctx is the process's root " +
		"context as main's is: the one-shot command owns its contexts."},
	rule.Form{Name: "without-cancel", Doc: "context.WithoutCancel(ctx) itself: it keeps the caller's values and " +
		"detaches from its cancellation on purpose."},
)
