package jwtcheck

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// varDecl finds the declaration of v in the package being analyzed. It
// returns the value v is declared with (nil for `var v T`) and the cursor
// of the outermost function around the declaration (zero for a
// package-level variable). ok is false when v is not declared one-to-one
// by := or var: a parameter, a range variable, a multi-value call.
func varDecl(p *rule.Pass, v *types.Var) (init ast.Expr, scope inspector.Cursor, ok bool) {
	if v == nil || v.Pkg() != p.Pkg || v.IsField() {
		return nil, inspector.Cursor{}, false
	}
	c, found := p.Index.Def(v)
	if !found {
		return nil, inspector.Cursor{}, false
	}
	for fc := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		scope = fc // keep the outermost: closures share their parent's variables
	}
	kind, idx := c.ParentEdge()
	switch parent := c.Parent().Node().(type) {
	case *ast.AssignStmt:
		if kind != edge.AssignStmt_Lhs || parent.Tok != token.DEFINE || len(parent.Lhs) != len(parent.Rhs) {
			return nil, scope, false
		}
		return parent.Rhs[idx], scope, true
	case *ast.ValueSpec:
		if kind != edge.ValueSpec_Names {
			return nil, scope, false
		}
		switch len(parent.Values) {
		case 0:
			return nil, scope, true
		case len(parent.Names):
			return parent.Values[idx], scope, true
		}
	}
	return nil, scope, false
}

// isReassigned reports whether a use of v inside scope stores into v
// itself (v = x, v++, &v), so that its declared value may not be the one
// in use.
func isReassigned(p *rule.Pass, scope inspector.Cursor, v *types.Var) bool {
	for _, c := range p.Index.UsesIn(scope, v) {
		switch c.ParentEdgeKind() {
		case edge.AssignStmt_Lhs, edge.IncDecStmt_X:
			return true
		case edge.UnaryExpr_X:
			if c.Parent().Node().(*ast.UnaryExpr).Op == token.AND {
				return true
			}
		}
	}
	return false
}

// localValue returns the value the variable e names was declared with,
// when e is a variable of this package that is never reassigned.
func localValue(p *rule.Pass, e ast.Expr) ast.Expr {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := p.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return nil
	}
	init, scope, ok := varDecl(p, v)
	if !ok || init == nil || isReassigned(p, scope, v) {
		return nil
	}
	return init
}

// unparenAddr strips parentheses and one & from e.
func unparenAddr(e ast.Expr) ast.Expr {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		return ast.Unparen(u.X)
	}
	return e
}
