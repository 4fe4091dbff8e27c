package resilience

import (
	"go/ast"
	"go/types"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

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
