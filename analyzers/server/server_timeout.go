package server

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/apis"
	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/fix"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// TimeoutOptions are server-timeout's rules.toml keys.
type TimeoutOptions struct {
	ReadHeaderTimeout   config.Duration `toml:"read-header-timeout" doc:"the ReadHeaderTimeout the fix inserts" min:"1"`
	RequireWriteTimeout bool            `toml:"require-write-timeout" doc:"also report an http.Server without WriteTimeout or IdleTimeout (off: streaming and long-polling servers leave WriteTimeout 0 on purpose)"`
}

// Timeout returns the server-timeout rule.
func Timeout() *rule.Rule {
	return &rule.Rule{
		ID:        "server-timeout",
		Severity:  config.SeverityError,
		Enabled:   true,
		Imports:   []string{"net/http"},
		FactTypes: []analysis.Fact{(*SetsReadTimeout)(nil)},
		NewOptions: func() any {
			return &TimeoutOptions{ReadHeaderTimeout: config.Duration(10 * time.Second)}
		},
		Doc: rule.Doc{
			Title: "report HTTP servers that let a slow client hold a connection forever",
			Why: "http.ListenAndServe, http.Serve on a TCP listener and an http.Server without ReadHeaderTimeout or ReadTimeout wait forever " +
				"for a client to finish sending its request headers. A slow or stalled client (or a slowloris " +
				"attack, or a load balancer that keeps idle sockets) then holds a connection, a goroutine and its " +
				"buffers open indefinitely; enough of them exhaust file descriptors and memory and the server stops " +
				"accepting work. This is the incident where a slow client held sockets open until the service starved.",
			Bad:  "log.Fatal(http.ListenAndServe(\":8080\", mux))",
			Good: "srv := &http.Server{Addr: \":8080\", Handler: mux, ReadHeaderTimeout: 10 * time.Second}\nlog.Fatal(srv.ListenAndServe())",
			Scope: "http.Serve and http.ServeTLS are reported when every value the package stores in the listener " +
				"is a TCP listener (net.Listen, tls.Listen, net.ListenTCP or net.ListenConfig.Listen with a constant " +
				"\"tcp\" network, perhaps wrapped by tls.NewListener). " +
				"A server handed to a function of another package is followed only through that function's fact (a " +
				"function of the analyzed module(s) that sets ReadTimeout or ReadHeaderTimeout on its *http.Server " +
				"parameter) or a library known to fill zero timeouts; other functions of other modules are unknown. With " +
				"require-write-timeout = true, an http.Server without WriteTimeout or IdleTimeout is reported as well " +
				"(off by default: streaming and long-polling servers leave WriteTimeout 0 on purpose). " +
				"Not production code: files that import testing or testify (test harnesses and mock servers) and packages under " +
				"a testonly, testing, testutil, testutils, mock or mocks directory (a test tool's metrics server, a mock OIDC server), " +
				"unless rules.toml sets tests = true; packages under an example, examples or _examples directory, and " +
				"non-production packages (samples, benchmarks, demos, end-to-end suites and test tools: the [production] " +
				"globs of rules.toml).",
			Fix: "adds ReadHeaderTimeout (read-header-timeout, default 10s) to the http.Server literal, importing time " +
				"when needed; rewrites http.ListenAndServe(addr, h) as (&http.Server{Addr: addr, Handler: h, " +
				"ReadHeaderTimeout: 10 * time.Second}).ListenAndServe() when its arguments fit on one line.",
		},
		Quiet: rule.Declare(serveCollected, rule.Forms(loopbackQuiet), rule.Forms(loopbackListenerQuiet), rule.Forms(oneRequestQuiet), rule.Forms(neverServedQuiet), rule.Forms(optInDebugQuiet), rule.Forms(neverStartedQuiet), rule.Forms(readTimeoutQuiet)),
		Run:   runTimeout,
	}
}

// serverLiteral is an http.Server literal and where it is stored.
type serverLiteral struct {
	lit        *ast.CompositeLit
	key        types.Object // variable or field the literal is stored in, or nil
	returnedBy *types.Func  // the constructor that returns it, or nil
	handedTo   calleeArg    // the call it is an argument of (graceful.WithDefaults(&http.Server{...})), or none
}

// calleeArg is a parameter of a called function that a value is passed
// to: the function and the parameter's index.
type calleeArg struct {
	fn    *types.Func
	index int
}

// SetsReadTimeout is the fact that a function sets ReadTimeout or
// ReadHeaderTimeout, to something other than the constant 0, on the
// *http.Server parameters whose bits Params holds (bit i for parameter
// i): a server literal handed to it in another package has its read of
// the request headers bounded.
type SetsReadTimeout struct {
	Params uint64
}

// AFact marks SetsReadTimeout as an analysis fact.
func (*SetsReadTimeout) AFact() {}

func (f *SetsReadTimeout) String() string {
	return fmt.Sprintf("sets ReadTimeout on parameters %b", f.Params)
}

// timeoutFacts is what one walk of the package learns about servers.
type timeoutFacts struct {
	literals   []serverLiteral
	calls      []*ast.CallExpr                   // http.ListenAndServe(TLS) calls
	set        map[types.Object]map[string]bool  // key -> http.Server fields assigned later
	passed     map[types.Object][]*types.Var     // key -> parameters it is passed to
	results    map[*types.Func][]types.Object    // function -> keys its results are stored in
	serves     []*ast.CallExpr                   // http.Serve(TLS) calls
	listeners  map[types.Object][]listenerOrigin // listener variable or field -> values stored in it
	addrConsts map[types.Object][]string         // string variable or field -> constants assigned to it
	served     map[types.Object][]*ast.CallExpr  // server variable or field -> its Serve and ListenAndServe calls
	handed     map[types.Object][]calleeArg      // key -> parameters of any function it is passed to
	hooked     map[types.Object]bool             // key -> handed to an option the caller supplies (opt(srv))
	funcs      []*types.Func                     // functions declared with an *http.Server parameter
}

func runTimeout(p *rule.Pass) error {
	opts := rule.Options[TimeoutOptions](p)
	facts := collectTimeoutFacts(p)
	facts.exportReadTimeoutSetters(p)
	build := &buildFlags{p: p}
	for _, call := range facts.calls {
		if !rule.Quiet(p, call, neverStartedQuiet, startSite{build, call}) {
			reportListenAndServe(p, opts, call)
		}
	}
	for _, call := range facts.serves {
		if !rule.Quiet(p, call, neverStartedQuiet, startSite{build, call}) {
			reportServeListener(p, facts, call)
		}
	}
	for _, sl := range facts.literals {
		if rule.Quiet(p, sl.lit, loopbackQuiet, servedAddr{p.TypesInfo, p.Index, literalField(sl.lit, "Addr")}) {
			continue
		}
		if rule.Quiet(p, sl.lit, loopbackListenerQuiet, serverLit{p, facts, sl}) {
			continue
		}
		if rule.Quiet(p, sl.lit, oneRequestQuiet, serverLit{p, facts, sl}) {
			continue
		}
		if rule.Quiet(p, sl.lit, neverServedQuiet, serverLit{p, facts, sl}) {
			continue
		}
		if rule.Quiet(p, sl.lit, neverStartedQuiet, startSite{build, sl.lit}) {
			continue // never runs in this build (a debug server behind a build tag)
		}
		if !rule.Quiet(p, sl.lit, readTimeoutQuiet, serverLit{p, facts, sl}) {
			p.Report(sl.lit, "http.Server has neither ReadHeaderTimeout nor ReadTimeout: a client that sends its headers "+
				"slowly or not at all holds a connection and a goroutine forever, and enough of them starve the server; "+
				"set ReadHeaderTimeout", literalTimeoutFixes(p, opts, sl.lit)...)
		}
		if opts.RequireWriteTimeout {
			var missing []string
			for _, f := range []string{"WriteTimeout", "IdleTimeout"} {
				if !facts.hasField(p.TypesInfo, sl, f) {
					missing = append(missing, f)
				}
			}
			if len(missing) > 0 {
				p.Reportf(sl.lit, "http.Server has no %s: a client that stops reading its response, or an idle "+
					"keep-alive connection, holds a connection and a goroutine forever; set %s",
					strings.Join(missing, " or "), strings.Join(missing, " and "))
			}
		}
	}
	return nil
}

// collectTimeoutFacts walks the package once for http.Server literals,
// assignments to their timeout fields and calls that pass values on.
func collectTimeoutFacts(p *rule.Pass) *timeoutFacts {
	facts := &timeoutFacts{
		set:     map[types.Object]map[string]bool{},
		passed:  map[types.Object][]*types.Var{},
		results: map[*types.Func][]types.Object{},

		listeners:  map[types.Object][]listenerOrigin{},
		addrConsts: map[types.Object][]string{},
		served:     map[types.Object][]*ast.CallExpr{},
		handed:     map[types.Object][]calleeArg{},
		hooked:     map[types.Object]bool{},
	}
	for c := range p.Cursors((*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.CallExpr)(nil), (*ast.FuncDecl)(nil)) {
		switch n := c.Node().(type) {
		case *ast.FuncDecl:
			if fn, ok := p.TypesInfo.Defs[n.Name].(*types.Func); ok && hasServerParam(fn) {
				facts.funcs = append(facts.funcs, fn)
			}
		case *ast.CompositeLit:
			if match.IsNamed(p.TypesInfo.TypeOf(n), "net/http", "Server") {
				facts.literals = append(facts.literals, serverLiteral{lit: n, key: literalKey(p.TypesInfo, c),
					returnedBy: returningFunc(p.TypesInfo, c), handedTo: argumentOf(p.TypesInfo, c)})
			}
			facts.recordListenerFields(p.TypesInfo, n)
		case *ast.ValueSpec:
			if len(n.Values) > 0 {
				lhs := make([]ast.Expr, len(n.Names))
				for i, name := range n.Names {
					lhs[i] = name
				}
				facts.recordListenerAssign(p.TypesInfo, lhs, n.Values)
			}
			if len(n.Values) == 1 {
				for _, name := range n.Names {
					facts.recordResult(p.TypesInfo, n.Values[0], p.TypesInfo.Defs[name])
				}
			}
		case *ast.AssignStmt:
			facts.recordListenerAssign(p.TypesInfo, n.Lhs, n.Rhs)
			facts.recordAddrConsts(p.TypesInfo, n.Lhs, n.Rhs)
			if len(n.Rhs) == 1 {
				for _, lhs := range n.Lhs {
					facts.recordResult(p.TypesInfo, n.Rhs[0], valueKey(p.TypesInfo, lhs))
				}
			}
			for i, lhs := range n.Lhs {
				f := match.FieldSelection(p.TypesInfo, lhs)
				if !match.IsFieldOf(f, "net/http", "Server") {
					continue
				}
				if len(n.Lhs) == len(n.Rhs) && match.IsZeroConst(p.TypesInfo, n.Rhs[i]) {
					continue // setting 0 is setting no timeout
				}
				key := valueKey(p.TypesInfo, lhs.(*ast.SelectorExpr).X)
				if key == nil {
					continue
				}
				if facts.set[key] == nil {
					facts.set[key] = map[string]bool{}
				}
				facts.set[key][f.Name()] = true
			}
		case *ast.CallExpr:
			if match.IsCallTo(p.TypesInfo, n, "net/http", "ListenAndServe", "ListenAndServeTLS") {
				facts.calls = append(facts.calls, n)
			}
			if match.IsCallTo(p.TypesInfo, n, "net/http", "Serve", "ServeTLS") {
				facts.serves = append(facts.serves, n)
			}
			facts.recordServed(p.TypesInfo, n)
			facts.recordPassed(p.TypesInfo, n)
			facts.recordOptionHook(p.TypesInfo, c, n)
		}
	}
	return facts
}

// recordResult remembers that the result of a call of a function of the
// package is stored in key (srv := newServer()).
func (facts *timeoutFacts) recordResult(info *types.Info, rhs ast.Expr, key types.Object) {
	call, ok := ast.Unparen(rhs).(*ast.CallExpr)
	if !ok || key == nil {
		return
	}
	if fn := match.Callee(info, call); fn != nil {
		facts.results[fn] = append(facts.results[fn], key)
	}
}

// recordPassed remembers which parameter of a function of this package
// each variable or field argument of call is passed to.
func (facts *timeoutFacts) recordPassed(info *types.Info, call *ast.CallExpr) {
	fn := match.Callee(info, call)
	if fn == nil || fn.Pkg() == nil || len(call.Args) == 0 {
		return
	}
	params := fn.Signature().Params()
	for i, arg := range call.Args {
		if u, ok := ast.Unparen(arg).(*ast.UnaryExpr); ok {
			arg = u.X // f(&srv)
		}
		key := valueKey(info, arg)
		if key == nil || params.Len() == 0 {
			continue
		}
		facts.passed[key] = append(facts.passed[key], params.At(min(i, params.Len()-1)))
		facts.handed[key] = append(facts.handed[key], calleeArg{fn, min(i, params.Len()-1)})
	}
}

// hasField reports whether the server literal sets one of the fields to a
// value other than the constant 0, or the place it is stored in gets one
// of them assigned later, directly or through a parameter it is passed to.
func (facts *timeoutFacts) hasField(info *types.Info, sl serverLiteral, names ...string) bool {
	for _, name := range names {
		if v := literalField(sl.lit, name); v != nil && !match.IsZeroConst(info, v) {
			return true
		}
		for _, key := range facts.results[sl.returnedBy] {
			if facts.set[key][name] {
				return true // newServer() returns it; the caller sets it
			}
		}
		if sl.key == nil {
			continue
		}
		if facts.set[sl.key][name] {
			return true
		}
		for _, param := range facts.passed[sl.key] {
			if facts.set[param][name] {
				return true
			}
		}
	}
	return false
}

// returningFunc returns the declared function whose return statement
// the literal at c is (return &http.Server{...}), or nil.
func returningFunc(info *types.Info, c inspector.Cursor) *types.Func {
	p := c.Parent()
	for {
		if u, ok := p.Node().(*ast.UnaryExpr); ok && u.Op == token.AND {
			p = p.Parent()
			continue
		}
		if _, ok := p.Node().(*ast.ParenExpr); ok {
			p = p.Parent()
			continue
		}
		break
	}
	if _, ok := p.Node().(*ast.ReturnStmt); !ok {
		return nil
	}
	fc, _, _ := match.EnclosingFunc(info, c)
	decl, ok := fc.Node().(*ast.FuncDecl)
	if !ok {
		return nil
	}
	fn, _ := info.Defs[decl.Name].(*types.Func)
	return fn
}

// reportListenAndServe reports a call of http.ListenAndServe or
// http.ListenAndServeTLS, with the rewrite to an http.Server when it is
// mechanical.
func reportListenAndServe(p *rule.Pass, opts *TimeoutOptions, call *ast.CallExpr) {
	if len(call.Args) == 0 || rule.Quiet(p, call, loopbackQuiet, servedAddr{p.TypesInfo, p.Index, call.Args[0]}) ||
		rule.Quiet(p, call, optInDebugQuiet, debugListen{p, call}) {
		return
	}
	name := match.Callee(p.TypesInfo, call).Name()
	var fixes []analysis.SuggestedFix
	if f, ok := listenAndServeFix(p, opts, call, name); ok {
		fixes = append(fixes, f)
	}
	p.Report(call, "http."+name+" serves with an http.Server that has no timeouts: a client that sends its headers "+
		"slowly or not at all holds a connection and a goroutine forever, and enough of them starve the server; "+
		"use an http.Server with ReadHeaderTimeout set", fixes...)
}

// literalTimeoutFixes returns the fix adding ReadHeaderTimeout to lit.
func literalTimeoutFixes(p *rule.Pass, opts *TimeoutOptions, lit *ast.CompositeLit) []analysis.SuggestedFix {
	if len(lit.Elts) > 0 {
		if _, keyed := lit.Elts[0].(*ast.KeyValueExpr); !keyed {
			return nil
		}
	}
	if v := literalField(lit, "ReadHeaderTimeout"); v != nil {
		return nil // set to 0 explicitly: a decision for a human
	}
	timeName, importEdits, ok := importName(p, lit, "time")
	if !ok {
		return nil
	}
	src, ok := fix.FileSource(p.Fset, p.ReadFile, lit.Pos())
	if !ok {
		return nil
	}
	elt := "ReadHeaderTimeout: " + fix.Duration(opts.ReadHeaderTimeout.Std(), timeName)
	edit, ok := fix.Literal(p.Fset, src, lit, fix.AddElement(p.Fset, lit, elt))
	if !ok {
		return nil
	}
	return []analysis.SuggestedFix{fix.New("Set ReadHeaderTimeout on the http.Server", append([]analysis.TextEdit{edit}, importEdits...)...)}
}

// listenAndServeFix rewrites http.ListenAndServe(addr, h) as
// (&http.Server{Addr: addr, Handler: h, ReadHeaderTimeout: d}).ListenAndServe(),
// and the TLS form likewise. It declines when the call is not written as
// http.F(...) with one-line arguments, or when moving the handler before
// the certificate arguments could change the order of calls.
func listenAndServeFix(p *rule.Pass, opts *TimeoutOptions, call *ast.CallExpr, name string) (analysis.SuggestedFix, bool) {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || call.Ellipsis.IsValid() {
		return analysis.SuggestedFix{}, false
	}
	pkgIdent, ok := sel.X.(*ast.Ident)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	args := make([]string, len(call.Args))
	for i, a := range call.Args {
		if p.Fset.Position(a.Pos()).Line != p.Fset.Position(a.End()).Line {
			return analysis.SuggestedFix{}, false
		}
		args[i] = fix.Source(p.Fset, a)
	}
	addr, handler, method := args[0], args[len(args)-1], "ListenAndServe()"
	if name == "ListenAndServeTLS" {
		if len(args) != 4 || match.HasCall(call.Args[1]) || match.HasCall(call.Args[2]) {
			return analysis.SuggestedFix{}, false
		}
		method = "ListenAndServeTLS(" + args[1] + ", " + args[2] + ")"
	}
	timeName, importEdits, ok := importName(p, call, "time")
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	fields := []string{"Addr: " + addr}
	if !match.IsNil(p.TypesInfo, call.Args[len(call.Args)-1]) {
		fields = append(fields, "Handler: "+handler)
	}
	fields = append(fields, "ReadHeaderTimeout: "+fix.Duration(opts.ReadHeaderTimeout.Std(), timeName))
	text := "(&" + pkgIdent.Name + ".Server{" + strings.Join(fields, ", ") + "})." + method
	edits := append([]analysis.TextEdit{fix.Replace(call, text)}, importEdits...)
	return fix.New("Serve with an http.Server that sets ReadHeaderTimeout", edits...), true
}

// importName returns the name by which the code at n can refer to the
// package at path, with the edits that import it (fix.NameAt).
func importName(p *rule.Pass, n ast.Node, path string) (name string, edits []analysis.TextEdit, ok bool) {
	file := p.File(n.Pos())
	if file == nil {
		return "", nil, false
	}
	return fix.NameAt(p.Pkg, p.Fset, file, path, path[strings.LastIndex(path, "/")+1:], n.Pos())
}

// argumentOf returns the called function and parameter the literal at c
// is passed to, in place or through & (f(&http.Server{...})), or none.
func argumentOf(info *types.Info, c inspector.Cursor) calleeArg {
	call, i, ok := match.ArgumentOf(c)
	if !ok {
		return calleeArg{}
	}
	fn := match.Callee(info, call.Node().(*ast.CallExpr))
	if fn == nil || fn.Signature().Params().Len() == 0 {
		return calleeArg{}
	}
	return calleeArg{fn, min(i, fn.Signature().Params().Len()-1)}
}

// hasServerParam reports whether fn takes an *http.Server.
func hasServerParam(fn *types.Func) bool {
	params := fn.Signature().Params()
	for i := range params.Len() {
		if match.IsPointerTo(params.At(i).Type(), "net/http", "Server") {
			return true
		}
	}
	return false
}

// setsReadTimeout reports whether the function a sets ReadTimeout or
// ReadHeaderTimeout on the *http.Server passed as its parameter a.index:
// a library function known to fill zero timeouts, a function of this
// package that assigns either to that parameter, or a function of
// another package whose SetsReadTimeout fact says so.
func (facts *timeoutFacts) setsReadTimeout(p *rule.Pass, a calleeArg) bool {
	if a.fn == nil {
		return false
	}
	if apis.SetsServerReadTimeouts(a.fn) {
		return true
	}
	fn := a.fn.Origin()
	if fn.Pkg() == p.Pkg {
		params := fn.Signature().Params()
		if a.index >= params.Len() {
			return false
		}
		set := facts.set[params.At(a.index)]
		return set["ReadHeaderTimeout"] || set["ReadTimeout"]
	}
	var f SetsReadTimeout
	return a.index < 64 && p.ImportObjectFact(fn, &f) && f.Params&(1<<a.index) != 0
}

// timeoutSetByCallee reports whether the literal, in place or through the
// variable or field it is stored in, is handed to a function that sets
// its ReadTimeout or ReadHeaderTimeout.
func (facts *timeoutFacts) timeoutSetByCallee(p *rule.Pass, sl serverLiteral) bool {
	if facts.setsReadTimeout(p, sl.handedTo) {
		return true
	}
	if sl.key == nil {
		return false
	}
	for _, a := range facts.handed[sl.key] {
		if facts.setsReadTimeout(p, a) {
			return true
		}
	}
	return false
}

// exportReadTimeoutSetters exports the SetsReadTimeout fact on the
// package's exported functions that set ReadTimeout or ReadHeaderTimeout on
// an *http.Server parameter, or hand it to a function that does.
func (facts *timeoutFacts) exportReadTimeoutSetters(p *rule.Pass) {
	for _, fn := range facts.funcs {
		if !fn.Exported() {
			continue
		}
		var f SetsReadTimeout
		params := fn.Signature().Params()
		for i := range min(params.Len(), 64) {
			param := params.At(i)
			if !match.IsPointerTo(param.Type(), "net/http", "Server") {
				continue
			}
			sets := facts.set[param]["ReadHeaderTimeout"] || facts.set[param]["ReadTimeout"]
			for _, a := range facts.handed[param] {
				sets = sets || a.fn.Origin() != fn && facts.setsReadTimeout(p, a)
			}
			if sets {
				f.Params |= 1 << i
			}
		}
		if f.Params != 0 {
			p.ExportObjectFact(fn, &f)
		}
	}
}

// recordOptionHook remembers a server variable handed to an option its
// function's caller supplies: a call of a func(*http.Server) value that
// returns nothing and is a parameter of the enclosing function, or each
// element of a slice parameter (for _, opt := range opts { opt(srv) }).
func (facts *timeoutFacts) recordOptionHook(info *types.Info, c inspector.Cursor, call *ast.CallExpr) {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || len(call.Args) != 1 {
		return
	}
	hook, ok := info.Uses[id].(*types.Var)
	if !ok {
		return
	}
	sig, ok := hook.Type().Underlying().(*types.Signature)
	if !ok || sig.Results().Len() != 0 || sig.Params().Len() != 1 || !match.IsPointerTo(sig.Params().At(0).Type(), "net/http", "Server") {
		return
	}
	_, _, encl := match.EnclosingFunc(info, c)
	if encl == nil || !match.IsParam(encl, hook) && !rangesOverParam(info, c, encl, hook) {
		return
	}
	if key := valueKey(info, call.Args[0]); key != nil {
		facts.hooked[key] = true
	}
}

// rangesOverParam reports whether v is the value of a range statement
// around c over a parameter of sig.
func rangesOverParam(info *types.Info, c inspector.Cursor, sig *types.Signature, v *types.Var) bool {
	for rc := range c.Enclosing((*ast.RangeStmt)(nil)) {
		rs := rc.Node().(*ast.RangeStmt)
		value, ok := rs.Value.(*ast.Ident)
		if !ok || info.Defs[value] != v {
			continue
		}
		x, ok := ast.Unparen(rs.X).(*ast.Ident)
		if !ok {
			return false
		}
		param, ok := info.Uses[x].(*types.Var)
		return ok && match.IsParam(sig, param)
	}
	return false
}
