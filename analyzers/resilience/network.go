package resilience

import (
	"go/ast"
	"go/types"

	"github.com/prodlint/prodlint/analyzers/internal/apis"
	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// isNetworkFunc reports whether fn sends a request over the network by
// itself: a call the API tables list as a send (HTTP client calls,
// database/sql calls, net.Conn reads and writes, dials) or a gRPC client
// call.
func isNetworkFunc(fn *types.Func) bool {
	return fn != nil && apis.IsSend(fn)
}

// apiName names fn as a reader knows it: http.Client.Do, sql.DB.Query,
// net.Conn.Write, http.Get, or the bare name of a function of this package.
func apiName(fn *types.Func, local *types.Package) string {
	sig, _ := fn.Type().(*types.Signature)
	prefix := ""
	if fn.Pkg() != nil && fn.Pkg() != local {
		prefix = fn.Pkg().Name() + "."
	}
	if sig != nil && sig.Recv() != nil {
		t := sig.Recv().Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			return prefix + n.Obj().Name() + "." + fn.Name()
		}
	}
	return prefix + fn.Name()
}

// calleeName returns the name a call invokes by, for the calls of function
// values that have no static callee (a Backoff field, a sleep parameter).
func calleeName(call *ast.CallExpr) string {
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		return f.Sel.Name
	}
	return ""
}

// callee returns the function or method call statically calls, as an
// object that is nil (not a typed nil) when there is none, ready for
// match.IsFunc and match.IsMethod.
func callee(info *types.Info, call *ast.CallExpr) types.Object {
	if fn := match.Callee(info, call); fn != nil {
		return fn
	}
	return nil
}
