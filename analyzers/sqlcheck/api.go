package sqlcheck

import (
	"go/ast"
	"go/types"

	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// callName names the function a call invokes as a reader knows it:
// sql.DB.QueryContext, sqlx.DB.Queryx, pgxpool.Pool.Query, or the bare
// name of a function of this package.
func callName(p *rule.Pass, call *ast.CallExpr) string {
	fn := match.Callee(p.TypesInfo, call)
	if fn == nil {
		return "the call"
	}
	prefix := ""
	if fn.Pkg() != nil && fn.Pkg() != p.Pkg {
		prefix = fn.Pkg().Name() + "."
	}
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		t := sig.Recv().Type()
		if ptr, ok := t.(*types.Pointer); ok {
			t = ptr.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			return prefix + n.Obj().Name() + "." + fn.Name()
		}
	}
	return prefix + fn.Name()
}
