package httpclient

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/index"
	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// maxHops bounds how far a value is followed through variables
// (ctx = context.WithValue(ctx, k, v) refers to itself).
const maxHops = 8

// boundedByContext reports whether the send is client.Do(req) with a
// request whose context bounds it even on a client without Timeout: a
// deadline made in this package (context.WithTimeout / WithDeadline), or
// the caller's context, a ctx parameter, whose deadline is the caller's to
// set (unless a caller in this package passes a fresh root).
func (x *clientIndex) boundedByContext(s send) bool {
	if s.fn.Name() != "Do" || len(s.call.Args) != 1 {
		return false
	}
	return x.requestBounded(s.call.Args[0], 0)
}

// requestBounded follows a request to http.NewRequestWithContext,
// req.WithContext or req.Clone and checks the context given there.
func (x *clientIndex) requestBounded(e ast.Expr, hops int) bool {
	if hops > maxHops {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn := match.Callee(x.info, e)
		switch {
		case match.IsFunc(fn, "net/http", "NewRequestWithContext"),
			match.IsMethod(fn, "net/http", "Request", "WithContext", "Clone"):
			return len(e.Args) > 0 && x.contextBounded(e.Args[0], hops+1)
		case passesThrough(fn) && len(e.Args) > 0:
			return x.requestBounded(e.Args[0], hops+1) // must(http.NewRequestWithContext(ctx, ...))
		default:
			return x.builderBounded(fn, hops) // req, err := c.newRequest(ctx, ...)
		}
	case *ast.Ident:
		if v, ok := x.info.Uses[e].(*types.Var); ok && v.Kind() == types.ParamVar && len(x.values(v)) == 0 {
			return x.roundTripRequest(v) || x.paramBounded(v, hops) // func (c *Client) do(req *http.Request)
		}
		return x.anyValue(e, hops, x.requestBounded)
	}
	return false
}

// sendsRoundTripRequest reports whether the send is client.Do(req) with
// req the request a RoundTrip method was handed (roundTripRequest).
func (x *clientIndex) sendsRoundTripRequest(s send) bool {
	if s.fn.Name() != "Do" || len(s.call.Args) != 1 {
		return false
	}
	id, ok := ast.Unparen(s.call.Args[0]).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := x.info.Uses[id].(*types.Var)
	return ok && v.Kind() == types.ParamVar && len(x.values(v)) == 0 && x.roundTripRequest(v)
}

// roundTripRequest reports whether v is the request parameter of a
// RoundTrip method with http.RoundTripper's signature: the http.Client
// that calls it has applied its own Timeout to that request's context
// before the call (net/http sets the deadline on the request for any
// Transport), so a send of the request inherits the calling client's
// bound; unless the package builds a client with no Timeout over the
// RoundTripper (clientWithoutTimeoutOver), whose bound is then missing.
func (x *clientIndex) roundTripRequest(v *types.Var) bool {
	fn, i := x.paramOf(v)
	if fn == nil || i != 0 || fn.Name() != "RoundTrip" {
		return false
	}
	sig := fn.Signature()
	params, results := sig.Params(), sig.Results()
	return sig.Recv() != nil && params.Len() == 1 && match.IsPointerTo(params.At(0).Type(), "net/http", "Request") &&
		results.Len() == 2 && match.IsPointerTo(results.At(0).Type(), "net/http", "Response") &&
		types.Identical(results.At(1).Type(), types.Universe.Lookup("error").Type()) &&
		!x.clientWithoutTimeoutOver(sig.Recv().Type())
}

// clientWithoutTimeoutOver reports whether the package builds a client
// with no Timeout over a value of the RoundTripper type rt (Transport: &T{}
// in the literal, or assigned to its Transport later): that client is the
// bound a send RoundTrip delegates relies on, and it has none.
func (x *clientIndex) clientWithoutTimeoutOver(rt types.Type) bool {
	base := func(t types.Type) types.Type {
		if ptr, ok := t.(*types.Pointer); ok {
			return ptr.Elem()
		}
		return t
	}
	over := func(e ast.Expr) bool {
		t := x.info.TypeOf(e)
		return t != nil && types.Identical(base(t), base(rt))
	}
	for _, o := range x.origins {
		if o.dest != nil && x.timeoutSet[o.dest] {
			continue
		}
		if o.transport != nil && over(o.transport) {
			return true
		}
		if o.dest != nil && slices.ContainsFunc(x.transportSet[o.dest], over) {
			return true
		}
	}
	return false
}

// builderBounded reports whether fn is a function of this package that
// returns a request (first result) and every request it returns is bounded
// by its context: a request builder (newRequest(ctx, method, path)).
func (x *clientIndex) builderBounded(fn *types.Func, hops int) bool {
	if fn == nil || hops > maxHops {
		return false
	}
	res := fn.Signature().Results()
	if res.Len() == 0 || !match.IsNamedOrPointer(res.At(0).Type(), "net/http", "Request") {
		return false
	}
	decl, ok := x.idx.FuncDecl(fn)
	if !ok {
		return false
	}
	returned := false
	for c := range decl.Preorder((*ast.ReturnStmt)(nil), (*ast.FuncLit)(nil)) {
		ret, ok := c.Node().(*ast.ReturnStmt)
		if !ok || enclosedInFuncLit(c, decl) {
			continue
		}
		if len(ret.Results) == 0 {
			return false // a naked return of a named result
		}
		if match.IsNil(x.info, ret.Results[0]) {
			continue
		}
		if !x.requestBounded(ret.Results[0], hops+1) {
			return false
		}
		returned = true
	}
	return returned
}

// paramBounded reports whether the request parameter v belongs to an
// unexported function of this package whose every call here passes a
// request bounded by its context (the helper that sends what its callers
// built). An exported function's callers are elsewhere, and unknown.
func (x *clientIndex) paramBounded(v *types.Var, hops int) bool {
	if hops > maxHops {
		return false
	}
	fn, i := x.paramOf(v)
	if fn == nil || fn.Exported() || fn.Signature().Variadic() && i == fn.Signature().Params().Len()-1 {
		return false
	}
	calls := x.callersOf(fn)
	if len(calls) == 0 {
		return false
	}
	for _, c := range calls {
		call := c.Node().(*ast.CallExpr)
		if i >= len(call.Args) || !x.requestBounded(call.Args[i], hops+1) {
			return false
		}
	}
	return true
}

// callersOf returns the calls of this package that may run fn: its own
// calls and, for a method, the calls of an interface method of the same
// name and signature (cli.do(req), with cli an interface the receiver's
// type, or a type embedding it, is stored in). fn is unexported, so no
// other package can call it, through an interface or not, and no
// interface of another package can name it.
func (x *clientIndex) callersOf(fn *types.Func) []inspector.Cursor {
	calls := x.idx.CallsOf(fn)
	if fn.Signature().Recv() == nil {
		return calls
	}
	for c := range x.idx.Calls() {
		m := match.Callee(x.info, c.Node().(*ast.CallExpr))
		if m == nil || m == fn || m.Name() != fn.Name() || m.Pkg() != fn.Pkg() {
			continue
		}
		if r := m.Signature().Recv(); r != nil && types.IsInterface(r.Type()) && types.Identical(m.Signature(), fn.Signature()) {
			calls = append(calls, c)
		}
	}
	return calls
}

// paramOf returns the function of this package declaring the parameter
// v, and v's index among its parameters.
func (x *clientIndex) paramOf(v *types.Var) (*types.Func, int) {
	def, ok := x.idx.Def(v)
	if !ok {
		return nil, 0
	}
	for c := range def.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		decl, ok := c.Node().(*ast.FuncDecl)
		if !ok {
			return nil, 0 // a function literal's parameter
		}
		fn, _ := x.info.Defs[decl.Name].(*types.Func)
		if fn == nil {
			return nil, 0
		}
		params := fn.Signature().Params()
		for i := range params.Len() {
			if params.At(i) == v {
				return fn, i
			}
		}
		return nil, 0
	}
	return nil, 0
}

// enclosedInFuncLit reports whether c lies in a function literal inside
// the declaration decl.
func enclosedInFuncLit(c, decl inspector.Cursor) bool {
	for p := c.Parent(); p.Valid() && p != decl; p = p.Parent() {
		if _, ok := p.Node().(*ast.FuncLit); ok {
			return true
		}
	}
	return false
}

// passesThrough reports whether fn is a generic helper that returns its
// first argument as it is, func Must[T any](v T, err error) T: the value
// is the one its argument made.
func passesThrough(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	sig := fn.Origin().Signature()
	if sig.TypeParams().Len() == 0 || sig.Params().Len() == 0 || sig.Results().Len() != 1 {
		return false
	}
	tp, ok := types.Unalias(sig.Params().At(0).Type()).(*types.TypeParam)
	return ok && types.Identical(tp, sig.Results().At(0).Type())
}

// contextBounded reports whether a context is made by
// context.WithTimeout or WithDeadline, or is the caller's (a parameter),
// directly or through contexts derived from one.
func (x *clientIndex) contextBounded(e ast.Expr, hops int) bool {
	if hops > maxHops {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn := match.Callee(x.info, e)
		switch {
		case match.IsFunc(fn, "context", "WithTimeout", "WithDeadline", "WithTimeoutCause", "WithDeadlineCause"):
			return true
		case match.IsFunc(fn, "context", "WithCancel", "WithCancelCause", "WithValue"):
			return len(e.Args) > 0 && x.contextBounded(e.Args[0], hops+1)
		case match.IsMethod(fn, "net/http", "Request", "Context"):
			// r.Context() of the request a handler was given: the caller's.
			sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
			if !ok {
				return false
			}
			v, ok := x.info.Uses[identOf(sel.X)].(*types.Var)
			return ok && v.Kind() == types.ParamVar
		}
	case *ast.Ident:
		if v, ok := x.info.Uses[e].(*types.Var); ok && v.Kind() == types.ParamVar {
			return !x.freshRootPassed[v]
		}
		return x.anyValue(e, hops, x.contextBounded)
	}
	return false
}

// recordFreshRoots notes the context parameters of this package's functions
// that a call here fills with a context that has no deadline by
// construction (deadlineFree: context.Background(), a WithCancel of it): a
// request bound to such a parameter has no deadline on that path.
func (x *clientIndex) recordFreshRoots(call *ast.CallExpr) {
	fn := match.Callee(x.info, call)
	if fn == nil || fn.Pkg() != x.pkg {
		return
	}
	params := fn.Origin().Signature().Params()
	for i, arg := range call.Args {
		if i >= params.Len() || fn.Signature().Variadic() && i >= params.Len()-1 {
			break
		}
		if x.deadlineFree(arg, map[*types.Var]bool{}) {
			x.freshRootPassed[params.At(i)] = true
		}
	}
}

// deadlineFree reports whether e is a context with no deadline by
// construction: context.Background() or context.TODO(), WithoutCancel of
// any context, WithCancel, WithCancelCause or WithValue of such a context,
// or a local variable every value of which is one (ctx :=
// context.Background(); ctx, stop = context.WithCancel(ctx)): a variable
// met again on the way (ctx = WithCancel(ctx)) is decided by its other
// values, and at most three variables are followed.
func (x *clientIndex) deadlineFree(e ast.Expr, seen map[*types.Var]bool) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn := match.Callee(x.info, e)
		switch {
		case match.IsFunc(fn, "context", "Background", "TODO", "WithoutCancel"):
			return true
		case match.IsFunc(fn, "context", "WithCancel", "WithCancelCause", "WithValue") && len(e.Args) > 0:
			return x.deadlineFree(e.Args[0], seen)
		}
	case *ast.Ident:
		v, ok := x.info.Uses[e].(*types.Var)
		if !ok || v.Parent() == nil || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
			return false // a package variable may be set anywhere
		}
		if seen[v] {
			return true
		}
		if len(seen) >= 3 {
			return false
		}
		seen[v] = true
		values := x.values(v)
		if len(values) == 0 {
			return false
		}
		for _, a := range values {
			if a.Result != 0 || !x.deadlineFree(a.Value, seen) {
				return false
			}
		}
		return true
	}
	return false
}

// anyValue reports whether one of the values assigned to the variable id
// (as the first result, for calls) satisfies ok.
func (x *clientIndex) anyValue(id *ast.Ident, hops int, ok func(ast.Expr, int) bool) bool {
	v, isVar := x.info.Uses[id].(*types.Var)
	if !isVar {
		return false
	}
	for _, a := range x.values(v) {
		if a.Result == 0 && ok(a.Value, hops+1) {
			return true
		}
	}
	return false
}

// transportUnbounded reports whether a client's Transport is known to set
// no ResponseHeaderTimeout: absent (http.DefaultTransport is used),
// http.DefaultTransport itself, or an http.Transport literal without it
// (directly or through a variable it is never set on afterwards). Any
// other RoundTripper may bound the request, and keeps the client quiet.
func (x *clientIndex) transportUnbounded(e ast.Expr, hops int) bool {
	if e == nil {
		return true
	}
	if hops > maxHops {
		return false
	}
	e = match.Pointee(e)
	switch e := e.(type) {
	case *ast.CompositeLit:
		if !match.IsNamed(x.info.TypeOf(e), "net/http", "Transport") {
			return false
		}
		if x.dialsFixedEndpoint(e) {
			return false
		}
		kv := match.Field(e, "ResponseHeaderTimeout")
		return kv == nil || match.IsZeroConst(x.info, kv.Value)
	case *ast.Ident, *ast.SelectorExpr:
		v := index.AssignedVar(x.info, e)
		if v == nil {
			return false
		}
		if match.IsPackageVar(v, "net/http", "DefaultTransport") {
			return true
		}
		if x.headerTimeoutSet[v] || x.handedOff[v] || len(x.values(v)) == 0 {
			return false // configured later, elsewhere, or made where prodlint cannot see
		}
		for _, a := range x.values(v) {
			if a.Result != 0 || !x.transportUnbounded(a.Value, hops+1) {
				return false
			}
		}
		return true
	}
	return false
}

// dialsFixedEndpoint reports whether an http.Transport literal dials with a
// function literal that ignores the address it is asked for: every request
// goes to one endpoint the program chose, in practice a local daemon's unix
// socket or file descriptor (a CLI talking to its own admin API), not a
// remote upstream that can stall or rate-limit.
func (x *clientIndex) dialsFixedEndpoint(t *ast.CompositeLit) bool {
	for _, name := range []string{"DialContext", "Dial"} {
		kv := match.Field(t, name)
		if kv == nil {
			continue
		}
		lit, ok := ast.Unparen(kv.Value).(*ast.FuncLit)
		if !ok {
			return false
		}
		params := lit.Type.Params.List
		if len(params) == 0 {
			return false
		}
		addr := params[len(params)-1] // func([ctx,] network, addr string)
		if len(addr.Names) == 0 {
			return true
		}
		v, _ := x.info.Defs[addr.Names[len(addr.Names)-1]].(*types.Var)
		return v == nil || !match.Refers(x.info, lit.Body, v)
	}
	return false
}

// identOf returns e as an identifier, or nil.
func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}
