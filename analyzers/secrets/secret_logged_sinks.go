package secrets

import (
	"go/ast"
	"go/types"

	"github.com/prodlint/prodlint/analyzers/internal/apis"
	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// sinkOf returns the logger or printer family fn belongs to (from the API
// tables), or nil.
func sinkOf(fn *types.Func) *apis.Log {
	if fn == nil {
		return nil
	}
	return apis.LogOf(fn)
}

// isStdStream reports whether e is os.Stdout or os.Stderr.
func isStdStream(info *types.Info, e ast.Expr) bool {
	v, ok := match.ObjectOf(info, e).(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == "os" && (v.Name() == "Stdout" || v.Name() == "Stderr") &&
		v.Parent() == v.Pkg().Scope()
}
