package ctxcheck

import (
	"go/ast"
	"go/types"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// isCallTo is match.IsCallTo for calls that may have no static callee:
// match.Callee returns a nil *types.Func then, which must not reach the
// type switches of match.IsFunc as a non-nil interface.
func isCallTo(info *types.Info, call *ast.CallExpr, pkgPath string, names ...string) bool {
	fn := match.Callee(info, call)
	return fn != nil && match.IsFunc(fn, pkgPath, names...)
}

// isMethodCall is match.IsMethodCall, safe for calls of function values.
func isMethodCall(info *types.Info, call *ast.CallExpr, pkgPath, typeName string, names ...string) bool {
	fn := match.Callee(info, call)
	return fn != nil && match.IsMethod(fn, pkgPath, typeName, names...)
}
