package server

import (
	"go/ast"
	"go/types"

	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// bodyPackage is what request-body-unbounded learns about a package
// before it judges its handlers.
type bodyPackage struct {
	maxBytesHandler bool                    // the package calls http.MaxBytesHandler
	middlewareUsed  bool                    // it uses a middleware that limits bodies (its own, or by fact), or builds a limiting handler type
	aliases         map[*types.Var]ast.Expr // local variables that hold only a request body
	// listensOnAddr says, once per package, whether every http.Server of
	// the package can only listen on the Addr of its literal
	// (serversListenOnAddr).
	listensOnAddr func() bool
}

// bodyCandidate is a handler's first read of its request body with no
// limit, or a reference to another package's handler that reads its body
// unlimited (its ReadsBodyUnlimited fact); h is the zero handler then.
type bodyCandidate struct {
	pkg     *bodyPackage
	h       handler
	limited bool                // the handler limits its body, itself or through a helper
	refs    map[*types.Func]int // references to each function of the package
	p       *rule.Pass
}

// bodyPackageQuiet are the safe forms of a package whose every handler is
// assumed to be behind a limit.
var bodyPackageQuiet = []rule.QuietForm[*bodyCandidate]{
	{
		Name: "max-bytes-handler",
		Doc: "Every handler of a package that calls http.MaxBytesHandler: the analysis cannot follow which routes the " +
			"wrapped handler serves, so it assumes all of them.",
		Applies: func(c *bodyCandidate) bool { return c.pkg.maxBytesHandler },
	},
	{
		Name: "limiting-middleware",
		Doc: "Every handler of a package that uses (calls, or passes as a value: r.Use(limitBody)) a middleware that " +
			"limits a request body before calling the next handler (itself, or through a helper that does: limitBody(w, r)), " +
			"declared in the package or in another package " +
			"analyzed with it (func limitBody(next http.Handler) http.Handler, or a factory of one, or a method value of that " +
			"shape put in a middleware slice), or that builds a value of a handler type whose ServeHTTP limits the request " +
			"body and then calls the next handler (&limiter{next: mux, n: n}, or a function taking or returning an " +
			"http.Handler that builds one), the type declared in the package or in another package analyzed with it. The " +
			"limit may be applied to a local variable that holds only the request body " +
			"(orig := r.Body; r.Body = http.MaxBytesReader(w, orig, n)).",
		Applies: func(c *bodyCandidate) bool { return c.pkg.middlewareUsed },
	},
}

// bodyHandlerQuiet are the safe forms of one handler that reads its body.
var bodyHandlerQuiet = []rule.QuietForm[*bodyCandidate]{
	{
		Name: "handler-limits-body",
		Doc: "A handler that applies http.MaxBytesReader or io.LimitReader to its request's body anywhere in its body, " +
			"or passes the request to a function that does (limitBody(w, r)), of the package or of another package " +
			"analyzed with it.",
		Applies: func(c *bodyCandidate) bool { return c.limited },
	},
	{
		Name: "routed-behind-limit",
		Doc: "A handler function every reference to which registers it on a router held in a local variable " +
			"(router.HandleFunc(pattern, h)) that reaches clients only through a handler literal, in the same function, " +
			"that applies http.MaxBytesReader or io.LimitReader to its own request's body and then calls " +
			"router.ServeHTTP, directly or through wrappers whose results are assigned (d := decompress(router); " +
			"limited := http.HandlerFunc(func(w, r) { r.Body = http.MaxBytesReader(w, r.Body, n); d.ServeHTTP(w, r) })). " +
			"A router also served, stored or handed on any other way, a handler registered on another router too, or a " +
			"router held in a parameter, field or package variable is still reported.",
		Applies: func(c *bodyCandidate) bool { return c.h.c.Valid() && routedBehindLimit(c.p, c.pkg.aliases, c.h) },
	},
	{
		Name: "loopback-only-router",
		Doc: "An unexported handler function or method every reference to which registers it on a router held in a local " +
			"variable that is served only on a constant loopback address, in the same function: as the Handler of an " +
			"http.Server literal held in a local variable served only by Serve or ServeTLS on a listener opened on a loopback " +
			"address (net.Listen(\"tcp\", \"127.0.0.1:\"+port)) or on a unix domain socket (net.Listen(\"unix\", path), " +
			"net.ListenUnix), or by ListenAndServe with a loopback Addr, or as the handler " +
			"of http.Serve or http.ListenAndServe on one; directly or through wrappers whose results are assigned. A server " +
			"literal with a loopback Addr (\"localhost:\"+port, fmt.Sprintf(\"localhost:%d\", port)) may also be handed to a " +
			"function of the package when no server of the package can listen anywhere else: the package calls Serve only " +
			"on loopback listeners, sets Addr only in literals and hands no server to another package (argument, exported " +
			"result, field or variable). Only processes of the same host can send it a body (a child process's server for " +
			"its parent, a sidecar's local endpoint). The handler may also be a literal returned by an unexported function or " +
			"method every call of which is registered so (router.HandleFunc(\"/upgrade\", c.upgrade())), and the router an " +
			"unexported field of a struct of the package, given only routers made in place (mux.NewRouter(), " +
			"http.NewServeMux()), whose every use in the package registers routes or serves it so (a daemon's control API on " +
			"a unix socket). A router also served on another address, delegated to by another " +
			"handler, stored or handed on any other way, or an exported handler, which another package may register on a " +
			"public server, is still reported.",
		Applies: func(c *bodyCandidate) bool { return c.h.c.Valid() && routedOnLoopbackOnly(c.p, c.pkg, c.h) },
	},
	{
		Name: "called-helper",
		Doc: "An unexported function of handler shape that the package only ever calls, never registers as a handler: " +
			"it is a helper of its callers, and its read is reported at those calls unless the caller limits the body first.",
		Applies: func(c *bodyCandidate) bool { return c.h.c.Valid() && onlyCalledDirectly(c.p, c.h, c.refs) != nil },
	},
}

// bodyCollected are the safe forms request-body-unbounded decides while it
// collects candidates: the read is never one.
var bodyCollected = rule.Collected(
	rule.Form{Name: "wrapped-read", Doc: "A read of a body already wrapped in a limit " +
		"(io.ReadAll(io.LimitReader(r.Body, n)))."},
	rule.Form{Name: "token-stream", Doc: "A json or xml decoder that only streams tokens and is never asked to " +
		"Decode: it never holds a whole value."},
	rule.Form{Name: "bounded-multipart", Doc: "r.ParseMultipartForm(n) with a constant n up to " +
		"max-multipart-memory (32 MiB, the net/http default) or a non-constant n."},
)

// boundedRead returns the collected form that keeps a call on the request
// r's body, which wholeBodyRead found is no unlimited read, from being
// one, for prodlint -explain: "wrapped-read" for a read or decoder of a
// body wrapped in a limit in place (io.ReadAll(io.LimitReader(r.Body, n))),
// "bounded-multipart" for r.ParseMultipartForm(n) with a memory limit
// within the option or not constant; "" for any other call.
func boundedRead(info *types.Info, aliases map[*types.Var]ast.Expr, call *ast.CallExpr, r *types.Var) string {
	fn := match.Callee(info, call)
	switch {
	case match.IsFunc(fn, "io", "ReadAll") || match.IsFunc(fn, "io/ioutil", "ReadAll") ||
		match.IsFunc(fn, "encoding/json", "NewDecoder") || match.IsFunc(fn, "encoding/xml", "NewDecoder"):
		if len(call.Args) != 1 {
			return ""
		}
		if inner, ok := ast.Unparen(call.Args[0]).(*ast.CallExpr); ok {
			if body := boundedBody(info, aliases, inner); body != nil && isBodyOf(info, nil, body, r) {
				return "wrapped-read"
			}
		}
	case match.IsMethod(fn, "net/http", "Request", "ParseMultipartForm"):
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && len(call.Args) == 1 && isVar(info, sel.X, r) {
			return "bounded-multipart"
		}
	}
	return ""
}
