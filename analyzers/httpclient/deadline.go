package httpclient

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// maxHops bounds how far a value is followed through variables
// (ctx = context.WithValue(ctx, k, v) refers to itself).
const maxHops = 8

// boundedByDeadline reports whether the send is client.Do(req) with a
// request whose context carries a deadline made in this package
// (context.WithTimeout / WithDeadline): the context bounds the request
// even on a client without Timeout.
func (x *clientIndex) boundedByDeadline(s send) bool {
	if s.fn.Name() != "Do" || len(s.call.Args) != 1 {
		return false
	}
	return x.requestHasDeadline(s.call.Args[0], 0)
}

// requestHasDeadline follows a request to http.NewRequestWithContext,
// req.WithContext or req.Clone and checks the context given there.
func (x *clientIndex) requestHasDeadline(e ast.Expr, hops int) bool {
	if hops > maxHops {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn := match.Callee(x.info, e)
		switch {
		case match.IsFunc(fn, "net/http", "NewRequestWithContext"),
			match.IsMethod(fn, "net/http", "Request", "WithContext", "Clone"):
			return len(e.Args) > 0 && x.contextHasDeadline(e.Args[0], hops+1)
		}
	case *ast.Ident:
		return x.anyValue(e, hops, x.requestHasDeadline)
	}
	return false
}

// contextHasDeadline reports whether a context is made by
// context.WithTimeout or WithDeadline, directly or through contexts
// derived from one.
func (x *clientIndex) contextHasDeadline(e ast.Expr, hops int) bool {
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
			return len(e.Args) > 0 && x.contextHasDeadline(e.Args[0], hops+1)
		}
	case *ast.Ident:
		return x.anyValue(e, hops, x.contextHasDeadline)
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
	for _, a := range x.values[v] {
		if a.index == 0 && ok(a.expr, hops+1) {
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
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch e := e.(type) {
	case *ast.CompositeLit:
		if !match.IsNamed(x.info.TypeOf(e), "net/http", "Transport") {
			return false
		}
		kv := match.Field(e, "ResponseHeaderTimeout")
		return kv == nil || match.IsZeroConst(x.info, kv.Value)
	case *ast.Ident, *ast.SelectorExpr:
		v := varOf(x.info, e)
		if v == nil {
			return false
		}
		if v.Pkg() != nil && v.Pkg().Path() == "net/http" && v.Pkg().Scope().Lookup("DefaultTransport") == v {
			return true
		}
		if x.headerTimeoutSet[v] || x.handedOff[v] || len(x.values[v]) == 0 {
			return false // configured later, elsewhere, or made where prodlint cannot see
		}
		for _, a := range x.values[v] {
			if a.index != 0 || !x.transportUnbounded(a.expr, hops+1) {
				return false
			}
		}
		return true
	}
	return false
}
