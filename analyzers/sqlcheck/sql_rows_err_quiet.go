package sqlcheck

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"

	"github.com/prodlint/prodlint/analyzers/internal/apis"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// rowsErrQuiet are the safe forms of rows iterated with for rows.Next(),
// a candidate of sql-rows-err.
var rowsErrQuiet = []rule.QuietForm[*rowsResult]{
	{
		Name:    "err-checked",
		Doc:     "The function calls rows.Err() anywhere: after the loop, in a deferred closure.",
		Applies: func(r *rowsResult) bool { return r.errChecked },
	},
	{
		Name: "best-effort",
		Doc: "The function returns nothing and drops every error it meets, the query's and the Scan's included: it " +
			"uses an error value only to compare it with nil (if err != nil { return }), never logs, wraps, stores, " +
			"sends or panics with one. A query that fails outright already leaves its result out silently, by design; " +
			"a result cut short is no worse. Logging or keeping any error makes the function report its failures, and " +
			"the loop is reported. A function that answers a request (it takes an http.ResponseWriter or a framework " +
			"context such as *gin.Context) is never best-effort: whatever it writes after the loop, or the empty 200 " +
			"it leaves behind, tells its client the partial result is the whole answer.",
		Applies: func(r *rowsResult) bool { return r.bestEffort },
	},
	rowsHandedOnErr,
}

// bestEffort reports whether the function around c has no results and
// uses no error value except to compare it with nil: it drops every
// failure, so a partial result is one more failure it chose to drop. A
// function that answers a request through a parameter is not: its answer
// is its result, and it passes a partial one off as success.
func bestEffort(info *types.Info, c *rowsResult) bool {
	fc, body, sig := match.EnclosingFunc(info, c.cursor)
	if body == nil || sig == nil || sig.Results().Len() > 0 || apis.AnswersRequest(sig) {
		return false
	}
	errType := types.Universe.Lookup("error").Type()
	for idc := range fc.Preorder((*ast.Ident)(nil)) {
		id := idc.Node().(*ast.Ident)
		v, ok := info.Uses[id].(*types.Var)
		if !ok || !types.Identical(v.Type(), errType) {
			continue
		}
		switch parent := idc.Parent().Node().(type) {
		case *ast.BinaryExpr: // err != nil, err == nil
			if (parent.Op == token.NEQ || parent.Op == token.EQL) && (isNil(info, parent.X) || isNil(info, parent.Y)) {
				continue
			}
		case *ast.AssignStmt: // err = rows.Scan(...)
			if idc.ParentEdgeKind() == edge.AssignStmt_Lhs {
				continue
			}
		}
		return false
	}
	return true
}

// isNil reports whether e is the predeclared nil.
func isNil(info *types.Info, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	_, ok = info.Uses[id].(*types.Nil)
	return ok
}

// rowsErrCollected are the safe forms sql-rows-err decides while it
// collects candidates: the rows are never one.
var rowsErrCollected = rule.Collected(
	rule.Form{Name: "rows-parameter", Doc: "Rows received as a parameter: the caller that ran the query may " +
		"check Err after the helper returns."},
)
