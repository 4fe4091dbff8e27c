package server

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// serveCall is a call that serves HTTP in package main, a candidate of
// no-graceful-shutdown.
type serveCall struct {
	p          *rule.Pass
	call       *ast.CallExpr
	handedAway bool // the package hands an *http.Server to a lifecycle library
	shuts      bool // the package refers to http.Server.Shutdown
	loopback   map[types.Object]bool
	serves     []*ast.CallExpr // every serving call of the package
	listeners  func() *timeoutFacts
}

// shutdownQuiet are the safe forms of a serving call in package main.
var shutdownQuiet = []rule.QuietForm[serveCall]{
	{
		Name: "server-handed-to-library",
		Doc: "A main that hands an *http.Server to a function outside the standard library, golang.org/x and the " +
			"package (a lifecycle library such as gracehttp.Serve(srv) that shuts it down).",
		Applies: func(s serveCall) bool { return s.handedAway },
	},
	{
		Name: "shutdown-referenced",
		Doc: "A serving call of an http.Server in a main package that refers to http.Server.Shutdown anywhere (called " +
			"or passed as a method value), on any server: one Shutdown quiets every serving call of an http.Server in " +
			"the package, since the analysis does not track which server a helper shuts down.",
		Applies: func(s serveCall) bool {
			return s.shuts && match.Callee(s.p.TypesInfo, s.call).Signature().Recv() != nil
		},
	},
	{
		Name: "loopback-address",
		Doc: "Servers on a constant loopback address (\"localhost:6060\" debug endpoints) or an address built from a " +
			"constant loopback host and a port (\"127.0.0.1:\"+port, fmt.Sprintf(\"localhost:%d\", port), " +
			"net.JoinHostPort of the host net.SplitHostPort took from such an address, also through local variables " +
			"and unexported package-level variables assigned only at their declaration, and through a parameter of a function only this package can call, when every call passes such " +
			"an address), as server-timeout judges them; a loopback address that is " +
			"only the default of a flag or a configuration field is still reported, since deployments override it to " +
			"serve real traffic.",
		Applies: func(s serveCall) bool { return servesLoopback(s.p, s.call, s.loopback) },
	},
	{
		Name: "unix-socket-listener",
		Doc: "Serve or ServeTLS (of an http.Server, or http.Serve) of a listener on a unix domain socket " +
			"(net.Listen(\"unix\", path), net.ListenUnix, net.ListenConfig.Listen with the network \"unix\"), through " +
			"the variables, fields and wrappers server-timeout's unix-socket-listener follows: a local control API that " +
			"only processes of the same host reach, as loopback-address; no traffic a deploy drains flows through it.",
		Applies: func(s serveCall) bool { return servesUnixSocket(s.p, s.call, s.listeners()) },
	},
	{
		Name: "monitoring-listener",
		Doc: "A side listener that serves only monitoring endpoints: a metrics, profiling or expvar handler " +
			"(promhttp.Handler(), pprof.Index, expvar.Handler()), such a handler passed to a function of the package " +
			"whose returned handler uses its writer and request only to call the one it was given (a middleware that " +
			"refreshes gauges before a scrape), a function of the package every return of which is such a handler (a " +
			"metrics handler over its own registry), a handler function that never uses its request (a " +
			"status page), or a ServeMux built in the package and used only to register such handlers and handlers on a " +
			"probe path (/healthz, /livez, /readyz, /health, /ready, /metrics, /debug/...); a scrape, a probe or a " +
			"profile cut short by a restart is retried by its next poll, so there is nothing in flight to drain.",
		Applies: func(s serveCall) bool {
			h, ok := servedHandler(s.p, s.call)
			return ok && isMonitoringHandler(s.p, h)
		},
	},
	{
		Name: "default-mux-monitoring-listener",
		Doc: "A listener of the DefaultServeMux (a nil handler) started in a go statement, or in a function the package " +
			"only ever starts with one (go serveMetrics(cfg)), in a package whose every " +
			"registration on the DefaultServeMux (http.Handle, http.HandleFunc) is a monitoring endpoint (a metrics, " +
			"profiling or expvar handler, maybe wrapped by such a middleware, a handler function that never uses its request, or any handler on a probe " +
			"path: /healthz, /livez, /readyz, /health, /ready, /metrics, /debug/...) or a redirect (http.RedirectHandler: " +
			"\"/\" sent on to /debug/pprof), and that registers at least one monitoring endpoint " +
			"or imports net/http/pprof or expvar for its side effect alone (`import _`, which registers their pages there): a profiling or probe listener " +
			"beside or instead of the main server, with nothing in flight to drain. A DefaultServeMux listener not " +
			"started by a go statement, or with an application handler registered on the DefaultServeMux, is reported.",
		Applies: func(s serveCall) bool { return isDefaultMuxMonitoringListener(s.p, s.call) },
	},
	{
		Name: "side-monitoring-constructor",
		Doc: "A listener started in a go statement beside another serving call of the same function (the main server, " +
			"still reported), whose handler is the result of a function of another package that takes no arguments, " +
			"returns an http.Handler and whose package imports a metrics, profiling or tracing-page package " +
			"(promhttp, expvar, net/http/pprof, an OpenCensus zpages or Prometheus exporter): a debug listener built " +
			"from monitoring handlers only, since the constructor is given no application handler to serve.",
		Applies: func(s serveCall) bool { return isSideMonitoringListener(s.p, s.call, s.serves) },
	},
}

// servesUnixSocket reports whether call is Serve or ServeTLS of a
// listener opened on a unix domain socket (unixSocketListen).
func servesUnixSocket(p *rule.Pass, call *ast.CallExpr, facts *timeoutFacts) bool {
	name := match.Callee(p.TypesInfo, call).Name()
	if name != "Serve" && name != "ServeTLS" || len(call.Args) == 0 {
		return false
	}
	opens := func(c *ast.CallExpr) bool { return unixSocketListen(p.TypesInfo, c) }
	ok, _ := facts.listenerOpenedBy(p, listenerOrigin{call.Args[0], 0}, map[types.Object]bool{}, opens)
	return ok
}

// servesLoopback reports whether call serves on a constant loopback
// address: http.ListenAndServe("localhost:6060", h), or a method of a
// server whose literal sets such an Addr.
func servesLoopback(p *rule.Pass, call *ast.CallExpr, loopback map[types.Object]bool) bool {
	info := p.TypesInfo
	fn := match.Callee(info, call)
	if fn.Signature().Recv() == nil {
		return strings.HasPrefix(fn.Name(), "ListenAndServe") && len(call.Args) > 0 && isLoopbackValue(info, p.Index, call.Args[0])
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if key := valueKey(info, sel.X); key != nil && loopback[key] {
			return true
		}
	}
	return false
}
