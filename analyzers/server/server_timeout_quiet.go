package server

import (
	"go/ast"
	"go/types"

	"github.com/prodlint/prodlint/analyzers/internal/index"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// servedAddr is the address a server listens on, for the loopback form
// server-timeout shares between http.Server literals and
// http.ListenAndServe.
type servedAddr struct {
	info *types.Info
	idx  *index.Index
	addr ast.Expr // nil when not set
}

// loopbackQuiet is the safe form of a server on a loopback address.
var loopbackQuiet = []rule.QuietForm[servedAddr]{
	{
		Name: "loopback-address",
		Doc: "Servers on a constant loopback address (\"localhost:6060\", \"127.0.0.1:8080\") or an address built from " +
			"a constant loopback host and a port (\"127.0.0.1:\"+port, fmt.Sprintf(\"localhost:%d\", port), " +
			"net.JoinHostPort of the host net.SplitHostPort took from such an address, also through local variables " +
			"and unexported package-level variables assigned only at their declaration, and through a parameter of a function only this package can call, when every call passes such " +
			"an address), which " +
			"remote clients cannot reach; a loopback address that is only the default of a flag or a configuration field is still " +
			"reported: operators override such defaults to expose the server, and then slow clients reach it like any " +
			"other.",
		Applies: func(a servedAddr) bool { return isLoopbackValue(a.info, a.idx, a.addr) },
	},
}

// debugListen is a call of http.ListenAndServe, for the opt-in debug
// listener form.
type debugListen struct {
	p    *rule.Pass
	call *ast.CallExpr
}

// optInDebugQuiet is the safe form of a debugging listener an operator
// turns on.
var optInDebugQuiet = []rule.QuietForm[debugListen]{
	{
		Name: "opt-in-debug-listener",
		Doc: "http.ListenAndServe(addr, nil) started only when its address is configured (inside `if addr != \"\"` or " +
			"`if len(addr) > 0` on the same address) in a package that registers no handler on the DefaultServeMux " +
			"(no http.Handle, http.HandleFunc or http.DefaultServeMux): it serves what imported packages registered " +
			"there (net/http/pprof, expvar), a debugging listener that is off unless an operator turns it on.",
		Applies: func(d debugListen) bool { return isOptInDebugListener(d.p, d.call) },
	},
}

// startSite is a place that starts a server: an http.Server literal or a
// call of http.ListenAndServe, Serve and their TLS forms.
type startSite struct {
	build *buildFlags
	n     ast.Node
}

// neverStartedQuiet is the safe form of a server that the analyzed build
// never starts.
var neverStartedQuiet = []rule.QuietForm[startSite]{
	{
		Name: "never-started",
		Doc: "A server that never starts in the build analyzed: behind `if !debug { return }` or inside `if debug " +
			"{ ... }` where debug is a constant or an unexported package variable nothing in the package assigns (a " +
			"debug listener a build-tagged file enables from its init).",
		Applies: func(s startSite) bool { return s.build.isDead(s.n) },
	},
}

// serverLit is an http.Server literal, a candidate of server-timeout.
type serverLit struct {
	p     *rule.Pass
	facts *timeoutFacts
	sl    serverLiteral
}

// readTimeoutQuiet is the safe form of an http.Server literal whose read
// of the request headers is bounded.
var readTimeoutQuiet = []rule.QuietForm[serverLit]{
	{
		Name: "read-timeout-set",
		Doc: "An http.Server literal that sets ReadHeaderTimeout or ReadTimeout to anything but the constant 0; one " +
			"whose variable or struct field gets either set later anywhere in the package (srv.ReadHeaderTimeout = d, " +
			"s.srv.ReadTimeout = d), one returned by a constructor of the package whose result gets either set (srv := " +
			"newServer(); srv.ReadTimeout = d), or one passed to a function of the package that sets either on its " +
			"parameter.",
		Applies: func(s serverLit) bool {
			return s.facts.hasField(s.p.TypesInfo, s.sl, "ReadHeaderTimeout", "ReadTimeout")
		},
	},
	{
		Name: "read-timeout-set-by-callee",
		Doc: "An http.Server literal handed, in place or through the variable or field it is stored in, to a " +
			"function that sets ReadHeaderTimeout or ReadTimeout on that *http.Server parameter: a function of the " +
			"analyzed module(s) that assigns either to it (directly or through a function it hands the server on " +
			"to), or a library function that fills the zero timeouts of the server it is given (ory/graceful's " +
			"WithDefaults).",
		Applies: func(s serverLit) bool { return s.facts.timeoutSetByCallee(s.p, s.sl) },
	},
	{
		Name: "caller-options",
		Doc: "An http.Server literal stored in a variable handed to options its function's caller supplies: a " +
			"parameter of a function type that takes only the *http.Server and returns nothing, or each element of a " +
			"slice or variadic parameter of one (for _, opt := range opts { opt(srv) }): the caller configures the " +
			"server, and its timeouts are the caller's to set.",
		Applies: func(s serverLit) bool { return s.sl.key != nil && s.facts.hooked[s.sl.key] },
	},
}

// loopbackListenerQuiet is the safe form of an http.Server served only on
// listeners bound to a loopback address.
var loopbackListenerQuiet = []rule.QuietForm[serverLit]{
	{
		Name: "loopback-listener",
		Doc: "An http.Server literal with no Addr, stored in a variable or field whose every serving call in the " +
			"package is Serve or ServeTLS of a listener opened on a constant loopback address (net.Listen(\"tcp\", " +
			"\"127.0.0.1:0\"), \"127.0.0.1:\"+port, fmt.Sprintf(\"%s:%d\", loopbackHost, port), net.JoinHostPort(\"localhost\", " +
			"port), or a local variable defined once as such an address), " +
			"perhaps wrapped by tls.NewListener, netutil.LimitListener or a function of the package that takes a " +
			"listener and returns one: remote clients cannot reach it.",
		Applies: func(s serverLit) bool { return s.facts.servedOnLoopbackOnly(s.p, s.sl) },
	},
	{
		Name: "unix-socket-listener",
		Doc: "An http.Server literal with no Addr, stored in a variable or field whose every serving call in the " +
			"package is Serve or ServeTLS of a listener on a unix domain socket (net.Listen(\"unix\", path), " +
			"net.ListenUnix, net.ListenConfig.Listen with the network \"unix\"), perhaps wrapped as for " +
			"loopback-listener: only processes of the same host can connect.",
		Applies: func(s serverLit) bool { return s.facts.servedOnUnixSocketOnly(s.p, s.sl) },
	},
}

// serveCollected are the safe forms server-timeout decides while it
// collects the listeners http.Serve and http.ServeTLS serve: the call is
// never a candidate.
var serveCollected = rule.Collected(
	rule.Form{Name: "non-tcp-listener", Doc: "http.Serve or http.ServeTLS of a listener that is not known to be TCP: " +
		"one handed in by a caller or a helper, one on a configured network, or a unix socket."},
	rule.Form{Name: "port-zero-listener", Doc: "http.Serve or http.ServeTLS of a listener on port 0, as a constant " +
		"(\":0\") or a fallback (if addr == \"\" { addr = \"localhost:0\" }): the kernel picks the port at run time " +
		"and only the process learns it (a fake server a test starts, a debug listener that logs its port), so no " +
		"client is configured to reach it."},
)
