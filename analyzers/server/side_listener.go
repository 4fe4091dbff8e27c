package server

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// servedHandler returns the handler a serving call serves: the handler
// argument of http.ListenAndServe, ListenAndServeTLS, Serve and ServeTLS,
// or the Handler field of the http.Server literal a method is called on
// (nil when the server's origin is not one literal of the package). ok
// is false when it cannot be told.
func servedHandler(p *rule.Pass, call *ast.CallExpr) (h ast.Expr, ok bool) {
	fn := match.Callee(p.TypesInfo, call)
	if fn == nil {
		return nil, false
	}
	if fn.Signature().Recv() == nil {
		switch {
		case fn.Name() == "ListenAndServeTLS" && len(call.Args) == 4:
			return call.Args[3], true
		case len(call.Args) >= 2:
			return call.Args[1], true
		}
		return nil, false
	}
	sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !isSel {
		return nil, false
	}
	v := match.Var(p.TypesInfo, sel.X)
	if v == nil || v.IsField() {
		return nil, false
	}
	assigns := p.Index.Assignments(v)
	if len(assigns) != 1 {
		return nil, false // built in several places, or set through a pointer: cannot tell
	}
	value := assigns[0].Value
	if u, isAddr := ast.Unparen(value).(*ast.UnaryExpr); isAddr && u.Op == token.AND {
		value = u.X
	}
	lit, isLit := ast.Unparen(value).(*ast.CompositeLit)
	if !isLit || !match.IsNamed(p.TypesInfo.TypeOf(lit), "net/http", "Server") {
		return nil, false
	}
	for _, c := range p.Index.Uses(v) {
		if isHandlerAssign(p.TypesInfo, c) {
			return nil, false // srv.Handler = h later
		}
	}
	return literalField(lit, "Handler"), true
}

// isHandlerAssign reports whether the use of a server variable at c is
// the X of srv.Handler on the left of an assignment.
func isHandlerAssign(info *types.Info, c inspector.Cursor) bool {
	parent := c.Parent()
	sel, ok := parent.Node().(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Handler" {
		return false
	}
	k, _ := parent.ParentEdge()
	return k == edge.AssignStmt_Lhs
}

// isMonitoringHandler reports whether h serves only monitoring endpoints:
// a metrics, profiling or expvar handler (promhttp.Handler(), pprof.Index,
// expvar.Handler()), a handler function that never looks at its request
// (a status page computed from the process's own state), or a ServeMux
// variable of the package built by http.NewServeMux, used only to
// register such handlers, or any handler on a probe path (isProbePath),
// and to be served. Nothing such a listener
// serves is work a client waits on: a scrape or a profile cut short is
// retried by its next poll.
func isMonitoringHandler(p *rule.Pass, h ast.Expr) bool {
	if h == nil || match.IsNil(p.TypesInfo, h) {
		return false // the DefaultServeMux: anything of the program may be registered on it
	}
	if isMonitoringEndpoint(p, h) {
		return true
	}
	v := match.Var(p.TypesInfo, h)
	if v == nil || v.IsField() || !match.IsPointerTo(v.Type(), "net/http", "ServeMux") {
		return false
	}
	assigns := p.Index.Assignments(v)
	if len(assigns) != 1 || !isNewServeMux(p.TypesInfo, assigns[0].Value) {
		return false
	}
	registered := 0
	for _, c := range p.Index.Uses(v) {
		if c.Node().Pos() == h.Pos() || isServedHandlerUse(p.TypesInfo, c) {
			continue
		}
		call, ok := registration(p.TypesInfo, c)
		if !ok || len(call.Args) != 2 || !isProbePath(p.TypesInfo, call.Args[0]) && !isMonitoringEndpoint(p, call.Args[1]) {
			return false // passed on, or a handler of the application registered
		}
		registered++
	}
	return registered > 0
}

// isNewServeMux reports whether e is http.NewServeMux() or &http.ServeMux{}.
func isNewServeMux(info *types.Info, e ast.Expr) bool {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok {
		return match.IsCallTo(info, call, "net/http", "NewServeMux")
	}
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		lit, isLit := ast.Unparen(u.X).(*ast.CompositeLit)
		return isLit && len(lit.Elts) == 0 && match.IsNamed(info.TypeOf(lit), "net/http", "ServeMux")
	}
	return false
}

// registration returns the mux.Handle or mux.HandleFunc call whose
// receiver is the use at c.
func registration(info *types.Info, c inspector.Cursor) (*ast.CallExpr, bool) {
	sel, ok := c.Parent().Node().(*ast.SelectorExpr)
	if !ok || sel.X != c.Node() {
		return nil, false
	}
	call, ok := c.Parent().Parent().Node().(*ast.CallExpr)
	if !ok || call.Fun != sel || !match.IsMethodCall(info, call, "net/http", "ServeMux", "Handle", "HandleFunc") {
		return nil, false
	}
	return call, true
}

// isServedHandlerUse reports whether the use of a mux at c is the handler
// of a serving call or of an http.Server literal.
func isServedHandlerUse(info *types.Info, c inspector.Cursor) bool {
	switch n := c.Parent().Node().(type) {
	case *ast.KeyValueExpr:
		key, ok := n.Key.(*ast.Ident)
		return ok && key.Name == "Handler" && n.Value == c.Node() && match.IsNamed(info.TypeOf(c.Parent().Parent().Node().(ast.Expr)), "net/http", "Server")
	case *ast.CallExpr:
		fn := match.Callee(info, n)
		return match.IsFunc(fn, "net/http", "ListenAndServe", "ListenAndServeTLS", "Serve", "ServeTLS")
	}
	return false
}

// isMonitoringEndpoint reports whether h is a handler that serves
// metrics, profiles or the process's status.
func isMonitoringEndpoint(p *rule.Pass, h ast.Expr) bool {
	return monitoringEndpoint(p, h, map[*types.Func]bool{})
}

// monitoringEndpoint is isMonitoringEndpoint, not following again the
// functions of the package in building, whose results it is judging.
func monitoringEndpoint(p *rule.Pass, h ast.Expr, building map[*types.Func]bool) bool {
	h = ast.Unparen(h)
	if call, ok := h.(*ast.CallExpr); ok {
		if tv, isConv := p.TypesInfo.Types[call.Fun]; isConv && tv.IsType() && len(call.Args) == 1 {
			return monitoringEndpoint(p, call.Args[0], building) // http.HandlerFunc(f)
		}
		if isMonitoringWrapper(p, call, building) || buildsMonitoringEndpoint(p, call, building) {
			return true
		}
		fn := match.Callee(p.TypesInfo, call)
		return fn != nil && fn.Pkg() != nil && isMonitoringPkg(fn.Pkg().Path()) && returnsHandler(fn)
	}
	if lit, ok := h.(*ast.FuncLit); ok {
		return ignoresRequest(p.TypesInfo, lit.Type, lit.Body)
	}
	fn, ok := match.ObjectOf(p.TypesInfo, h).(*types.Func)
	if !ok {
		return false
	}
	if fn.Pkg() != nil && isMonitoringPkg(fn.Pkg().Path()) {
		return true // pprof.Index, pprof.Profile
	}
	if decl := p.FuncDecl(fn); decl != nil && decl.Recv == nil {
		return ignoresRequest(p.TypesInfo, decl.Type, decl.Body)
	}
	return false
}

// isMonitoringPkg reports whether path is a package whose handlers serve
// metrics or profiles.
func isMonitoringPkg(path string) bool {
	switch path {
	case "net/http/pprof", "expvar", "github.com/prometheus/client_golang/prometheus/promhttp":
		return true
	}
	return false
}

// isMonitoringImport reports whether path is a package that serves
// metrics, profiles or tracing pages over HTTP: those of isMonitoringPkg,
// OpenCensus zpages and the Prometheus exporters.
func isMonitoringImport(path string) bool {
	switch path {
	case "go.opencensus.io/zpages", "contrib.go.opencensus.io/exporter/prometheus",
		"go.opentelemetry.io/contrib/zpages", "go.opentelemetry.io/otel/exporters/prometheus":
		return true
	}
	return isMonitoringPkg(path)
}

// isSideMonitoringListener reports whether call is started by a go
// statement (directly, or as the only serving call of a function literal
// so started) in a function that has another serving call, and serves the
// result of a call to an argument-less function of another package that
// returns an http.Handler (and maybe an error) and whose package imports a
// monitoring package (isMonitoringImport): debug handlers built where the
// application's handlers cannot reach them.
func isSideMonitoringListener(p *rule.Pass, call *ast.CallExpr, serves []*ast.CallExpr) bool {
	c, ok := match.CursorOf(p.Inspector.Root(), call)
	if !ok || !startedByGo(c) {
		return false
	}
	decl := match.EnclosingFuncDecl(c)
	if !decl.Valid() {
		return false
	}
	beside := false
	for _, other := range serves {
		if other != call && other.Pos() > decl.Node().Pos() && other.End() < decl.Node().End() {
			if oc, found := match.CursorOf(p.Inspector.Root(), other); found && !startedByGo(oc) {
				beside = true
			}
		}
	}
	if !beside {
		return false
	}
	h, ok := servedHandler(p, call)
	if !ok || h == nil {
		return false
	}
	src := ast.Unparen(h)
	if v := match.Var(p.TypesInfo, src); v != nil && !v.IsField() {
		assigns := p.Index.Assignments(v)
		if len(assigns) != 1 || assigns[0].Result != 0 || assigns[0].Value == nil {
			return false
		}
		src = ast.Unparen(assigns[0].Value)
	}
	ctor, isCall := src.(*ast.CallExpr)
	if !isCall || len(ctor.Args) != 0 {
		return false
	}
	fn := match.Callee(p.TypesInfo, ctor)
	if fn == nil || fn.Pkg() == nil || fn.Pkg() == p.Pkg || fn.Signature().Params().Len() != 0 || fn.Signature().Recv() != nil {
		return false
	}
	res := fn.Signature().Results()
	if res.Len() == 0 || res.Len() > 2 || !match.IsNamed(res.At(0).Type(), "net/http", "Handler") {
		return false
	}
	if res.Len() == 2 && res.At(1).Type() != types.Universe.Lookup("error").Type() {
		return false
	}
	for _, imp := range fn.Pkg().Imports() {
		if isMonitoringImport(imp.Path()) {
			return true
		}
	}
	return false
}

// startedByGo reports whether the serving call at c is the call of a go
// statement, or sits in a function literal that a go statement calls.
func startedByGo(c inspector.Cursor) bool {
	if _, ok := c.Parent().Node().(*ast.GoStmt); ok {
		return true
	}
	for lit := range c.Enclosing((*ast.FuncLit)(nil)) {
		call, ok := lit.Parent().Node().(*ast.CallExpr)
		if !ok || call.Fun != lit.Node() {
			return false
		}
		_, ok = lit.Parent().Parent().Node().(*ast.GoStmt)
		return ok
	}
	return false
}

// returnsHandler reports whether fn returns an http.Handler.
func returnsHandler(fn *types.Func) bool {
	res := fn.Signature().Results()
	return res.Len() == 1 && match.IsNamed(res.At(0).Type(), "net/http", "Handler")
}

// ignoresRequest reports whether a function of the handler shape
// func(http.ResponseWriter, *http.Request) never uses its request: the
// parameter is blank, unnamed or unused.
func ignoresRequest(info *types.Info, ft *ast.FuncType, body *ast.BlockStmt) bool {
	if body == nil || ft.Params == nil || ft.Params.NumFields() != 2 {
		return false
	}
	last := ft.Params.List[len(ft.Params.List)-1]
	if !match.IsPointerTo(info.TypeOf(last.Type), "net/http", "Request") {
		return false
	}
	if len(last.Names) == 0 {
		return true
	}
	name := last.Names[len(last.Names)-1]
	if name.Name == "_" {
		return true
	}
	obj := info.Defs[name]
	return obj != nil && !match.Refers(info, body, obj)
}

// isOptInDebugListener reports whether call, an http.ListenAndServe of
// the DefaultServeMux, starts only when its address is configured (it
// sits in the body of `if addr != ""` or `if len(addr) > 0` on the same
// address) in a package that registers nothing on the DefaultServeMux:
// what it serves is what imported packages registered there
// (net/http/pprof, expvar), a debugging listener an operator turns on.
func isOptInDebugListener(p *rule.Pass, call *ast.CallExpr) bool {
	if len(call.Args) < 2 || !match.IsNil(p.TypesInfo, call.Args[len(call.Args)-1]) || registersOnDefaultMux(p.TypesInfo) {
		return false
	}
	c, ok := match.CursorOf(p.Inspector.Root(), call)
	if !ok {
		return false
	}
	for ; c.Node() != nil; c = c.Parent() {
		if _, isDecl := c.Node().(*ast.FuncDecl); isDecl {
			return false
		}
		k, _ := c.ParentEdge()
		if k != edge.IfStmt_Body {
			continue
		}
		if isConfiguredCheck(p.TypesInfo, c.Parent().Node().(*ast.IfStmt).Cond, call.Args[0]) {
			return true
		}
	}
	return false
}

// registersOnDefaultMux reports whether the package calls http.Handle or
// http.HandleFunc or refers to http.DefaultServeMux.
func registersOnDefaultMux(info *types.Info) bool {
	for _, obj := range info.Uses {
		if match.IsFunc(obj, "net/http", "Handle", "HandleFunc") {
			return true
		}
		if isDefaultServeMux(obj) {
			return true
		}
	}
	return false
}

// isConfiguredCheck reports whether cond is addr != "", "" != addr,
// len(addr) > 0 or len(addr) != 0 for the address expression addr.
func isConfiguredCheck(info *types.Info, cond, addr ast.Expr) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	x, y := b.X, b.Y
	if match.ConstValue(info, x) != nil {
		x, y = y, x // "" != addr
	}
	if s, isStr := match.ConstString(info, y); isStr && s == "" && b.Op == token.NEQ {
		return sameValue(info, x, addr)
	}
	n, isInt := match.ConstInt(info, y)
	if !isInt || n != 0 || b.Op != token.GTR && b.Op != token.NEQ {
		return false
	}
	lenCall, isCall := ast.Unparen(x).(*ast.CallExpr)
	if !isCall || len(lenCall.Args) != 1 {
		return false
	}
	if !match.IsBuiltin(info, lenCall.Fun, "len") {
		return false
	}
	return sameValue(info, lenCall.Args[0], addr)
}

// sameValue reports whether a and b are the same variable or field chain
// (hostPort and hostPort, a.opts.Addr and a.opts.Addr).
func sameValue(info *types.Info, a, b ast.Expr) bool {
	a, b = ast.Unparen(a), ast.Unparen(b)
	oa, ob := match.ObjectOf(info, a), match.ObjectOf(info, b)
	if oa == nil || oa != ob {
		return false
	}
	return types.ExprString(a) == types.ExprString(b)
}

// isDefaultMuxMonitoringListener reports whether call serves the
// DefaultServeMux (a nil handler, or an http.Server literal without one),
// is started by a go statement, and the package registers only monitoring
// endpoints on the DefaultServeMux (defaultMuxMonitoringOnly).
func isDefaultMuxMonitoringListener(p *rule.Pass, call *ast.CallExpr) bool {
	h, ok := servedHandler(p, call)
	if !ok || h != nil && !match.IsNil(p.TypesInfo, h) {
		return false
	}
	c, ok := match.CursorOf(p.Inspector.Root(), call)
	if !ok || !startedInGoroutine(p, c) {
		return false
	}
	return defaultMuxMonitoringOnly(p)
}

// defaultMuxMonitoringOnly reports whether every registration of the
// package on the DefaultServeMux (http.Handle, http.HandleFunc, or a
// Handle or HandleFunc method called on http.DefaultServeMux) registers a
// monitoring endpoint, sits on a probe path or registers a redirect
// (http.RedirectHandler: "/" to /debug/pprof), with no other use of
// http.DefaultServeMux, and whether the package registers at least one
// or imports for its side effect alone a package that registers its pages
// there (`import _ "net/http/pprof"`, expvar): an import made to serve them.
func defaultMuxMonitoringOnly(p *rule.Pass) bool {
	registered := 0
	for id, obj := range p.TypesInfo.Uses {
		var call *ast.CallExpr
		switch {
		case match.IsFunc(obj, "net/http", "Handle", "HandleFunc"):
			c, ok := match.CursorOf(p.Inspector.Root(), id)
			if !ok {
				return false
			}
			if c.ParentEdgeKind() == edge.SelectorExpr_Sel {
				c = c.Parent()
			}
			if c.ParentEdgeKind() != edge.CallExpr_Fun {
				return false // passed on as a function value
			}
			call = c.Parent().Node().(*ast.CallExpr)
		case isDefaultServeMux(obj):
			c, ok := match.CursorOf(p.Inspector.Root(), id)
			if !ok {
				return false
			}
			if c.ParentEdgeKind() == edge.SelectorExpr_Sel {
				c = c.Parent()
			}
			r, isReg := registration(p.TypesInfo, c)
			if !isReg {
				return false // handed on: anything may be registered through it
			}
			call = r
		default:
			continue
		}
		if len(call.Args) != 2 {
			return false
		}
		if isRedirect(p, call.Args[1]) {
			continue // answers at once, and is no reason to serve by itself
		}
		if !isProbePath(p.TypesInfo, call.Args[0]) && !isMonitoringEndpoint(p, call.Args[1]) {
			return false
		}
		registered++
	}
	if registered > 0 {
		return true
	}
	for _, f := range p.Files {
		for _, imp := range f.Imports {
			if imp.Name != nil && imp.Name.Name == "_" && (imp.Path.Value == `"net/http/pprof"` || imp.Path.Value == `"expvar"`) {
				return true
			}
		}
	}
	return false
}

// isRedirect reports whether h is http.RedirectHandler(url, code), or a
// local variable only ever given that: a handler that answers at once,
// with nothing in flight to drain.
func isRedirect(p *rule.Pass, h ast.Expr) bool {
	if value, _, multi, ok := p.Index.LocalValue(localVar(p.TypesInfo, h)); ok && !multi {
		h = value
	}
	call, ok := ast.Unparen(h).(*ast.CallExpr)
	return ok && match.IsFunc(match.Callee(p.TypesInfo, call), "net/http", "RedirectHandler")
}

// isDefaultServeMux reports whether obj is http.DefaultServeMux (by
// object identity, not by name).
func isDefaultServeMux(obj types.Object) bool {
	return match.IsPackageVar(obj, "net/http", "DefaultServeMux")
}

// isProbePath reports whether the pattern e is a constant path of a
// liveness, readiness or metrics probe, or under /debug/ (the profiling
// and expvar pages): the conventional endpoints an orchestrator or a
// scraper polls, answered from the process's own state.
func isProbePath(info *types.Info, e ast.Expr) bool {
	s, ok := match.ConstString(info, e)
	if !ok {
		return false
	}
	if i := strings.IndexByte(s, ' '); i >= 0 {
		s = s[i+1:] // "GET /healthz"
	}
	if strings.HasPrefix(s, "/debug/") {
		return true
	}
	switch strings.TrimSuffix(s, "/") {
	case "/healthz", "/livez", "/readyz", "/health", "/healthcheck", "/ready", "/live", "/liveness", "/readiness", "/metrics":
		return true
	}
	return false
}
