package ctxcheck

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// variantCall is a call of an API with a context-taking twin (or an
// http.NewRequest), a candidate of ctx-variant.
type variantCall struct {
	p    *rule.Pass
	c    inspector.Cursor
	call *ast.CallExpr
	fn   *types.Func
	t    *twin // nil for the context-less net/http calls
}

// variantQuiet are the safe forms decided from the API and its twin.
var variantQuiet = []rule.QuietForm[variantCall]{
	{
		Name: "values-only-twin",
		Doc: "Twins that return nothing (log/slog's InfoContext, a logger's InfoWithContext): they cannot tell the " +
			"caller they were cancelled, so their context carries values such as trace ids; httptest, " +
			"ozzo-validation and gopsutil's readers of process, memory and host counters, whose Context twins carry " +
			"values, not cancellation, either.",
		Applies: func(v variantCall) bool { return v.t != nil && carriesValuesOnly(v.t) },
	},
	{
		Name: "getter-twin",
		Doc: "A getter, a method or function with no parameters and no error result (a value computed once and " +
			"cached), whose twin cannot fail either and returns nothing that could hold the context: the twin cannot " +
			"tell the caller it was cancelled, so it is a different call (one that waits until the value exists), not a " +
			"cancellable copy.",
		Applies: func(v variantCall) bool { return v.t != nil && getterWithWaitingTwin(v.fn, v.t) },
	},
	{
		Name:    "inside-twin-context",
		Doc:     "Calls inside the twin itself, the ...Context function (an adapter QueryContext that checks ctx, then calls Query): calling the twin there would recurse.",
		Applies: func(v variantCall) bool { return v.t != nil && insideTwin(v.p.TypesInfo, v.c, v.t) },
	},
}

// variantInScope is a candidate of ctx-variant with the context in scope.
type variantInScope struct {
	variantCall
	opts  *VariantOptions
	src   ctxSource
	done  *doneIndex
	calls *packageCalls
}

// variantScopeQuiet are the safe forms decided from the context in scope
// and what the code does with the call's result.
var variantScopeQuiet = []rule.QuietForm[variantInScope]{
	{
		Name: "in-go-statement",
		Doc: "The call of a go statement, or a call in the body of the function literal a go statement calls (when " +
			"that literal declares no context of its own): work that outlives the request by design. The go call's " +
			"arguments and receiver run at the statement and are judged as any call.",
		Applies: func(v variantInScope) bool { return runsLater(v.p.Pkg, v.c, v.src.owner, token.GO) },
	},
	{
		Name: "deferred",
		Doc: "Deferred cleanup: the call of a defer statement, or a call in the body of the function literal a defer " +
			"statement calls, when that literal declares no context of its own. It runs as the function ends, when ctx " +
			"may be over, and the twin could then skip the cleanup (the bound it needs is its own: a context from " +
			"context.WithoutCancel(ctx) with a timeout, which a literal that declares one is judged by). A deferred " +
			"call's arguments and receiver run at the defer statement and are judged as any call.",
		Applies: func(v variantInScope) bool { return runsLater(v.p.Pkg, v.c, v.src.owner, token.DEFER) },
	},
	{
		Name:    "in-returned-func",
		Doc:     "Calls in a function literal the function returns (a release or shutdown function run after the call is over).",
		Applies: func(v variantInScope) bool { return inReturnedFunc(v.c, v.src.owner) },
	},
	{
		Name: "callback-ignores-ctx",
		Doc: "Code in a function literal that never uses the context parameter its signature hands it (a batch " +
			"writer's WriteFunc(ctx, logs), whose ctx is that of whichever call triggered the flush): the API the " +
			"literal is given to decides what that context means; a named function that ignores its own ctx is still " +
			"reported.",
		Applies: func(v variantInScope) bool { return ignoredByCallback(v.p.TypesInfo, v.src) },
	},
	{
		Name: "after-done",
		Doc: "Code that runs once the ctx is known to be over (after <-ctx.Done(), in \"case <-ctx.Done():\", in " +
			"\"if ctx.Err() != nil\"), where cleanup must not be cancelled.",
		Applies: func(v variantInScope) bool { return v.done.afterDone(v.src, v.call.Pos()) },
	},
	{
		Name: "non-blocking-dial",
		Doc: "grpc.Dial in a function that never mentions WithBlock, WithReturnConnectionError or " +
			"FailOnNonTempDialError: it returns at once, and DialContext's context is a no-op once it returns.",
		Applies: func(v variantInScope) bool {
			return v.t != nil && nonBlockingDial(v.p.TypesInfo, v.call, v.fn, v.src.owner.Node())
		},
	},
	{
		Name: "dialer-with-timeout",
		Doc: "A Dial method of a dialer that carries its own timeout: a literal with a non-zero ...Timeout field " +
			"(net.Dialer{Timeout: 5 * time.Second}), a variable initialized from one or given one, or a copy of the " +
			"dialer type's own package-level default, which its library configures with a handshake timeout: the " +
			"dial ends by that bound.",
		Applies: func(v variantInScope) bool {
			return v.t != nil && boundedDialer(v.p.TypesInfo, v.call, v.fn, v.src.owner)
		},
	},
	{
		Name: "context-unread",
		Doc: "prometheus/common's config.NewTLSConfig without options, whose twin hands the context only to a secret " +
			"manager given as an option.",
		Applies: func(v variantInScope) bool { return v.t != nil && contextUnread(v.call, v.fn) },
	},
	{
		Name: "context-attached-later",
		Doc: "Values given the context before they are used: NewGetParams().WithContext(ctx) (go-swagger), or a " +
			"request whose next uses are field accesses and then req.WithContext(ctx), or a request handed to a " +
			"function of this package, or of another package of the analyzed module(s) (followed through its summary, " +
			"also through the functions it calls), that attaches the context itself (its body calls req.WithContext(ctx) " +
			"or another context-taking method on that parameter), or a request handed to a call that also receives the " +
			"ctx in scope (do(ctx, client, req)), or kept in a field later sent as s.req.WithContext(ctx); a statement " +
			"prepared on the pool, or bound to a transaction by a helper around tx.Stmt, and then run with a Context " +
			"method (the query, which holds the connection, stops with ctx), followed through helpers that return the " +
			"same pointer, through if/else and switch branches, past deferred cleanup and past an assignment that " +
			"replaces it.",
		Applies: func(v variantInScope) bool { return v.t != nil && contextAttachedLater(v.p, v.c, v.src) },
	},
	{
		Name: "sent-with-context",
		Doc: "A value built without I/O (a constructor with one result, not an error: a generated NewGetParams()) that " +
			"is handed, directly, after builder methods, or as a variable after field settings, to a call that also " +
			"receives the ctx in scope (client.GetContext(ctx, params)): the context travels with the call.",
		Applies: func(v variantInScope) bool { return v.t != nil && sentWithContext(v.p.TypesInfo, v.c, v.fn, v.src) },
	},
	{
		Name: "request-returned",
		Doc: "An http.NewRequest whose request the function returns to its caller without sending it: the sender " +
			"attaches the context.",
		Applies: func(v variantInScope) bool {
			return match.IsFunc(v.fn, "net/http", "NewRequest") && requestReturned(v.p.TypesInfo, v.c)
		},
	},
	{
		Name: "long-lived-child",
		Doc: "An exec.Command held in a variable that the function only Start()s (never Run, Output, CombinedOutput or " +
			"Wait outside a goroutine) and whose Cmd or Process it keeps (returns it, stores it or its pid, hands it " +
			"on, or reaps it in a goroutine): a long-lived child tracked and stopped later, which CommandContext would " +
			"kill when the starting call's ctx ends; also a command a go statement of the function runs (Run, Output) " +
			"past the return, and one the function only builds and returns, whose caller decides how long it lives.",
		Applies: func(v variantInScope) bool {
			return match.IsFunc(v.fn, "os/exec", "Command") && longLivedChild(v.p.TypesInfo, v.c)
		},
	},
	{
		Name: "prepares-in-tx",
		Doc: "Prepare and Stmt on a transaction (database/sql and sqlx Tx): the transaction holds its connection and " +
			"ends with the context it was begun with.",
		Applies: func(v variantInScope) bool { return v.t != nil && preparesInTx(v.fn) },
	},
	{
		Name: "callers-pass-fresh-roots",
		Doc: "A ctx that is itself a fresh root on every path the package shows (every call of the function in the " +
			"package passes context.Background() or TODO(), or its own ctx parameter when its callers do, up to three " +
			"levels), in a function other packages cannot call (unexported, or in package main): an exported one's " +
			"callers elsewhere may pass a live ctx.",
		Applies: func(v variantInScope) bool {
			owner := declared(v.p.TypesInfo, v.src.owner)
			return owner != nil && !v.src.request && v.calls.onlyFreshRoots(owner, v.src.v)
		},
	},
	{
		Name: "outgoing-request",
		Doc: "A function handed an *http.Request that every caller in the package has just built with " +
			"http.NewRequest: its Context() is the outgoing request's, not a caller's.",
		Applies: func(v variantInScope) bool {
			owner := declared(v.p.TypesInfo, v.src.owner)
			return owner != nil && v.src.request && v.calls.onlyOutgoingRequests(owner, v.src.v)
		},
	},
	// The default tier: on code the rule had not been tuned on, only
	// database/sql statements run and transactions begun without the ctx
	// were right often enough; every other kind of API is an option.
	{
		Name: "tier-sql-prepare",
		Doc: "In the default tier, database/sql and sqlx Prepare and Stmt: the statement then runs with a " +
			"Context method, which is what holds the connection (reported with sql-prepare = true).",
		Applies: func(v variantInScope) bool { return v.outside(tierSQLPrepare) },
	},
	{
		Name: "tier-http",
		Doc: "In the default tier, net/http calls (http.NewRequest, http.Get, Post, PostForm): the request is often " +
			"handed to a helper or client that attaches the ctx, or sent by a client with its own short timeout " +
			"(reported with http = true).",
		Applies: func(v variantInScope) bool { return v.outside(tierHTTP) },
	},
	{
		Name: "tier-net",
		Doc: "In the default tier, net and crypto/tls calls (net.Dial, a TLS Handshake): a loopback dial succeeds or " +
			"is refused at once (reported with net = true).",
		Applies: func(v variantInScope) bool { return v.outside(tierNet) },
	},
	{
		Name: "tier-command",
		Doc: "In the default tier, exec.Command: many commands start a child that must outlive the call, or run a " +
			"short local tool whose interruption leaves worse state than finishing (reported with commands = true).",
		Applies: func(v variantInScope) bool { return v.outside(tierCommand) },
	},
	{
		Name: "tier-other-api",
		Doc: "In the default tier, any other API with a context-taking twin: its twin often carries only values, or " +
			"the caller attaches the context later (reported with other-apis = true).",
		Applies: func(v variantInScope) bool { return v.outside(tierOther) },
	},
}

// outside reports whether the candidate calls an API of tier t and the
// options leave t out.
func (v variantInScope) outside(t variantTier) bool {
	return tierOf(v.fn, v.t == nil) == t && !v.opts.reported(t)
}

// variantCollected are the safe forms ctx-variant decides while it
// collects candidates: the call is never a candidate; runVariant names
// each with rule.Decided.
var variantCollected = rule.Collected(
	rule.Form{Name: "no-ctx-in-scope", Doc: "A call with no named context.Context or *http.Request parameter in " +
		"scope (main, init, CLI and library code without a ctx, urfave/cli v3 command actions) and no local " +
		"context the function gave its own deadline (ctx, cancel := context.WithTimeout(...) or WithDeadline, " +
		"in scope at the call and not cancelled before it outside a defer, when the call returns only an error or " +
		"its result stays in the function; such a context is a ctx in scope, and dropping its deadline is " +
		"reported): there is no ctx to pass."},
	rule.Form{Name: "passes-context", Doc: "A call that already passes a context."},
	rule.Form{Name: "twin-differs", Doc: "An API whose twin differs in more than the leading context.Context " +
		"(other parameters or results): the rewrite would not be mechanical."},
	rule.Form{Name: "ctx-rebound-to-root", Doc: "A ctx name rebound to a fresh context.Background() is not the " +
		"caller's ctx: the detach is deliberate."},
)
