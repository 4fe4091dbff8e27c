package sqlcheck

import (
	"go/ast"

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
	return match.APIName(fn, p.Pkg)
}
