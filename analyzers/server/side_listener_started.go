package server

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// startedInGoroutine reports whether the serving call at c runs in a
// goroutine of its own: started by a go statement (startedByGo), or sitting
// in the body of a function of the package that the package only ever
// starts with a go statement (go serveMetrics(cfg)), never calling it
// directly nor taking its value.
func startedInGoroutine(p *rule.Pass, c inspector.Cursor) bool {
	if startedByGo(c) {
		return true
	}
	for range c.Enclosing((*ast.FuncLit)(nil)) {
		return false // in a function literal that no go statement starts
	}
	fn := match.DeclaredFunc(p.TypesInfo, c)
	if fn == nil || fn.Signature().Recv() != nil {
		return false
	}
	calls := p.Index.CallsOf(fn)
	if len(calls) == 0 {
		return false
	}
	for _, call := range calls {
		if _, ok := call.Parent().Node().(*ast.GoStmt); !ok {
			return false
		}
	}
	return match.References(p.TypesInfo, fn) == len(calls)
}

// isMonitoringWrapper reports whether call passes a monitoring endpoint
// (monitoringEndpoint) to a function of the package that only wraps it:
// every handler the function returns is a function literal (or its
// http.HandlerFunc conversion) that uses its response writer and request
// only to hand them to the wrapped handler's ServeHTTP (a middleware that
// refreshes gauges before a scrape). A wrapper that answers a request
// itself, or looks at it, may serve a route of the application.
func isMonitoringWrapper(p *rule.Pass, call *ast.CallExpr, building map[*types.Func]bool) bool {
	fn := match.Callee(p.TypesInfo, call)
	if fn == nil || fn.Pkg() != p.Pkg || fn.Signature().Recv() != nil || !returnsHandlerShape(fn) {
		return false
	}
	decl := p.FuncDecl(fn)
	if decl == nil || decl.Body == nil || fn.Signature().Variadic() {
		return false
	}
	for i, a := range call.Args {
		param := fn.Signature().Params().At(i)
		if !match.IsNamed(param.Type(), "net/http", "Handler") || !monitoringEndpoint(p, a, building) {
			continue
		}
		if onlyHandsOn(p, decl, param) {
			return true
		}
	}
	return false
}

// buildsMonitoringEndpoint reports whether call is a call of a plain
// function of the package that returns one handler, every return of
// which is a monitoring endpoint (monitoringEndpoint): a constructor of a
// metrics handler over its own registry, promhttp.HandlerFor(reg, opts).
// The arguments do not matter: whatever they are, only what the function
// returns is served.
func buildsMonitoringEndpoint(p *rule.Pass, call *ast.CallExpr, building map[*types.Func]bool) bool {
	fn := match.Callee(p.TypesInfo, call)
	if fn == nil || fn.Pkg() != p.Pkg || fn.Signature().Recv() != nil || !returnsHandlerShape(fn) || building[fn] {
		return false
	}
	decl := p.FuncDecl(fn)
	if decl == nil || decl.Body == nil {
		return false
	}
	dc, ok := match.CursorOf(p.Inspector.Root(), decl)
	if !ok {
		return false
	}
	building[fn] = true
	defer delete(building, fn)
	returns := 0
	for rc := range dc.Preorder((*ast.ReturnStmt)(nil)) {
		if match.InFuncLitUnder(rc, dc) {
			continue // a return of a nested function literal
		}
		ret := rc.Node().(*ast.ReturnStmt)
		if len(ret.Results) != 1 || !monitoringEndpoint(p, ret.Results[0], building) {
			return false
		}
		returns++
	}
	return returns > 0
}

// returnsHandlerShape reports whether fn returns one http.Handler or
// http.HandlerFunc.
func returnsHandlerShape(fn *types.Func) bool {
	res := fn.Signature().Results()
	return res.Len() == 1 && match.IsNamed(res.At(0).Type(), "net/http", "Handler", "HandlerFunc")
}

// onlyHandsOn reports whether every return of decl returns a function
// literal (maybe converted to http.HandlerFunc) whose response writer and
// request are used only as the arguments of next.ServeHTTP, with at least
// one such return.
func onlyHandsOn(p *rule.Pass, decl *ast.FuncDecl, next *types.Var) bool {
	dc, ok := match.CursorOf(p.Inspector.Root(), decl)
	if !ok {
		return false
	}
	returns := 0
	for rc := range dc.Preorder((*ast.ReturnStmt)(nil)) {
		if match.InFuncLitUnder(rc, dc) {
			continue // a return of a nested function literal
		}
		ret := rc.Node().(*ast.ReturnStmt)
		if len(ret.Results) != 1 {
			return false
		}
		e := ast.Unparen(ret.Results[0])
		if conv, isCall := e.(*ast.CallExpr); isCall && len(conv.Args) == 1 {
			if tv, isType := p.TypesInfo.Types[conv.Fun]; isType && tv.IsType() {
				e = ast.Unparen(conv.Args[0])
			}
		}
		lit, isLit := e.(*ast.FuncLit)
		if !isLit || !litOnlyHandsOn(p, lit, next) {
			return false
		}
		returns++
	}
	return returns > 0
}

// litOnlyHandsOn reports whether lit has the handler shape and uses its
// response writer and request only as the arguments of next.ServeHTTP.
func litOnlyHandsOn(p *rule.Pass, lit *ast.FuncLit, next *types.Var) bool {
	if lit.Type.Params == nil || lit.Type.Params.NumFields() != 2 {
		return false
	}
	params := map[types.Object]bool{}
	for _, f := range lit.Type.Params.List {
		for _, name := range f.Names {
			if obj := p.TypesInfo.Defs[name]; obj != nil {
				params[obj] = true
			}
		}
	}
	lc, ok := match.CursorOf(p.Inspector.Root(), lit.Body)
	if !ok {
		return false
	}
	for ic := range lc.Preorder((*ast.Ident)(nil)) {
		if !params[p.TypesInfo.Uses[ic.Node().(*ast.Ident)]] {
			continue
		}
		call, isCall := ic.Parent().Node().(*ast.CallExpr)
		if !isCall || len(call.Args) != 2 {
			return false
		}
		sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !isSel || !match.IsMethodCall(p.TypesInfo, call, "net/http", "Handler", "ServeHTTP") ||
			match.Var(p.TypesInfo, sel.X) != next {
			return false // the request or the writer used for anything else
		}
	}
	return true
}
