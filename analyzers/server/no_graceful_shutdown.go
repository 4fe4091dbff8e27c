package server

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// Shutdown returns the no-graceful-shutdown rule.
func Shutdown() *rule.Rule {
	return &rule.Rule{
		ID:       "no-graceful-shutdown",
		Severity: config.SeverityWarning,
		Enabled:  true,
		Imports:  []string{"net/http"},
		Doc: rule.Doc{
			Title: "report HTTP servers in main that are never shut down gracefully",
			Why: "When a process serving HTTP gets SIGTERM (every deploy, scale-down and node drain) and nothing calls " +
				"http.Server.Shutdown, the process exits with requests in flight: clients see reset connections and " +
				"half-written responses, and non-idempotent work is left half done: every deploy of a fix cuts the " +
				"requests in flight. Shutdown stops accepting connections and waits for active " +
				"requests to finish, up to the deadline of its context.",
			Bad: "func main() {\n\tsrv := &http.Server{Addr: \":8080\", Handler: mux, ReadHeaderTimeout: 10 * time.Second}\n" +
				"\tlog.Fatal(srv.ListenAndServe())\n}",
			Good: "func main() {\n\tctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)\n\tdefer stop()\n" +
				"\tsrv := &http.Server{Addr: \":8080\", Handler: mux, ReadHeaderTimeout: 10 * time.Second}\n" +
				"\tgo func() {\n\t\t<-ctx.Done()\n\t\tshutdownCtx, cancel := context.WithTimeout(context.Background(), 25*time.Second)\n" +
				"\t\tdefer cancel()\n\t\tsrv.Shutdown(shutdownCtx)\n\t}()\n" +
				"\tif err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {\n\t\tlog.Fatal(err)\n\t}\n}",
			Scope: "Packages other than main are not analyzed: a library cannot know the process lifecycle. The analysis does " +
				"not track which server a helper shuts down. Serving through http.ListenAndServe, http.ListenAndServeTLS, http.Serve or " +
				"http.ServeTLS is reported (there is no server to shut down) unless a quiet form below holds. " +
				"Not production code: files that import testing or testify (test harnesses and mock servers) and packages under " +
				"a testonly, testing, testutil, testutils, mock or mocks directory (a test tool's metrics server, a mock OIDC server), " +
				"unless rules.toml sets tests = true; packages under an example, examples or _examples directory, and non-production packages (samples, benchmarks, demos, end-to-end suites and test tools: the [production] globs of rules.toml). " +
				"A program run by hand (an emulator, a fake server, a test CA) is reported like a deployed server: the code " +
				"of both is the same, and a main that never handles a termination signal is the failure itself; mark such " +
				"a program non-production in rules.toml (non_production = [\"**\"] for a whole module).",
		},
		Quiet: rule.Declare(rule.Forms(shutdownQuiet)),
		Run:   runShutdown,
	}
}

func runShutdown(p *rule.Pass) error {
	if p.Pkg.Name() != "main" {
		return nil
	}
	shuts := refersToShutdown(p.TypesInfo)
	var serves []*ast.CallExpr
	loopback := map[types.Object]bool{} // variables and fields holding a server on a loopback address
	handedAway := false                 // an *http.Server goes to a lifecycle library
	for c := range p.Cursors((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil)) {
		switch n := c.Node().(type) {
		case *ast.CompositeLit:
			if match.IsNamed(p.TypesInfo.TypeOf(n), "net/http", "Server") && isLoopbackValue(p.TypesInfo, p.Index, literalField(n, "Addr")) {
				if key := literalKey(p.TypesInfo, c); key != nil {
					loopback[key] = true
				}
			}
		case *ast.CallExpr:
			if !handedAway && handsServerAway(p.TypesInfo, p.Pkg, n) {
				handedAway = true
			}
			fn := match.Callee(p.TypesInfo, n)
			if match.IsFunc(fn, "net/http", "ListenAndServe", "ListenAndServeTLS", "Serve", "ServeTLS") ||
				match.IsMethod(fn, "net/http", "Server", "ListenAndServe", "ListenAndServeTLS", "Serve", "ServeTLS") {
				serves = append(serves, n)
			}
		}
	}
	var facts *timeoutFacts
	listeners := func() *timeoutFacts { // a second walk, only for a package with a candidate left
		if facts == nil {
			facts = collectTimeoutFacts(p)
		}
		return facts
	}
	for _, call := range serves {
		if rule.Quiet(p, call, shutdownQuiet, serveCall{p, call, handedAway, shuts, loopback, serves, listeners}) {
			continue
		}
		reportServe(p, call)
	}
	return nil
}

// reportServe reports a serving call of a main package that never shuts
// a server down, unless it listens on a loopback address.
func reportServe(p *rule.Pass, call *ast.CallExpr) {
	fn := match.Callee(p.TypesInfo, call)
	if fn.Signature().Recv() == nil {
		p.Reportf(call, "http.%s serves HTTP with no http.Server to shut down: every deploy or restart cuts the "+
			"requests in flight mid-response; serve with an http.Server and call its Shutdown on SIGTERM "+
			"(signal.NotifyContext) so they drain", fn.Name())
		return
	}
	p.Reportf(call, "http.Server.%s in package main, which never calls Shutdown: every deploy or restart cuts the "+
		"requests in flight mid-response; on SIGTERM (signal.NotifyContext) call Shutdown with a deadline so they drain",
		fn.Name())
}

// refersToShutdown reports whether the package calls or takes the value
// of http.Server.Shutdown.
func refersToShutdown(info *types.Info) bool {
	for _, obj := range info.Uses {
		if match.IsMethod(obj, "net/http", "Server", "Shutdown") {
			return true
		}
	}
	return false
}

// handsServerAway reports whether call passes an http.Server to a function
// of another module than the standard library (a lifecycle library that
// may shut it down).
func handsServerAway(info *types.Info, pkg *types.Package, call *ast.CallExpr) bool {
	fn := match.Callee(info, call)
	if fn == nil || fn.Pkg() == nil || isStdlib(fn.Pkg().Path()) || fn.Pkg() == pkg {
		return false
	}
	for _, a := range call.Args {
		if match.IsNamedOrPointer(info.TypeOf(a), "net/http", "Server") {
			return true
		}
	}
	return false
}

// isStdlib reports whether path is a standard library package (its first
// element has no dot) or one of the Go project's golang.org/x modules,
// which configure servers (http2.ConfigureServer) but do not run them.
func isStdlib(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".") || strings.HasPrefix(path, "golang.org/x/")
}
