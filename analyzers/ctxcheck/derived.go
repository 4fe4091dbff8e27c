package ctxcheck

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/index"
)

// preferDerived returns the context a fix should pass: the innermost local
// context.Context variable visible at c that was derived from src (ctx,
// cancel := context.WithTimeout(r.Context(), d)), so that the call keeps
// the deadline the function set; or src itself. Contexts from elsewhere
// (a server's root context in a field) are never substituted.
func preferDerived(info *types.Info, pkg *types.Package, c inspector.Cursor, src ctxSource) ctxSource {
	pos := c.Node().Pos()
	inner := pkg.Scope().Innermost(pos)
	for s := inner; s != nil && s != pkg.Scope() && s != types.Universe; s = s.Parent() {
		var best *types.Var
		for _, name := range s.Names() {
			v, ok := s.Lookup(name).(*types.Var)
			if !ok || v == src.v || !isContext(v.Type()) || v.Pos() >= pos || (best != nil && v.Pos() < best.Pos()) {
				continue
			}
			if _, visible := inner.LookupParent(name, pos); visible != v {
				continue // not yet in scope at pos, or shadowed
			}
			if rhs := initializer(info, c.Inspector(), v); rhs != nil && derivedFrom(info, rhs, src.v) {
				best = v
			}
		}
		if best != nil {
			return ctxSource{v: best, owner: src.owner}
		}
	}
	return src
}

// initializer returns the expression a local variable is declared with
// (the single call of `ctx, cancel := context.WithTimeout(...)`), or nil.
func initializer(info *types.Info, in *inspector.Inspector, v *types.Var) ast.Expr {
	id, ok := index.DefOf(in, info, v)
	if !ok {
		return nil
	}
	lhs, rhs, ok := assignment(id.Parent().Node())
	if !ok {
		return nil
	}
	for i, l := range lhs {
		if l, ok := l.(*ast.Ident); ok && info.Defs[l] == v {
			switch {
			case len(rhs) == len(lhs):
				return rhs[i]
			case len(rhs) == 1:
				return rhs[0]
			}
		}
	}
	return nil
}

// assignment returns the two sides of an assignment or a var spec (its
// names as the left-hand side).
func assignment(n ast.Node) (lhs, rhs []ast.Expr, ok bool) {
	switch n := n.(type) {
	case *ast.AssignStmt:
		return n.Lhs, n.Rhs, true
	case *ast.ValueSpec:
		for _, id := range n.Names {
			lhs = append(lhs, id)
		}
		return lhs, n.Values, true
	}
	return nil, nil, false
}

// derivedFrom reports whether the initializer e derives a context from v
// (context.WithTimeout(ctx, d), r.Context()), or wraps a fresh root that
// ctx-background reports and its fix replaces with v
// (context.WithTimeout(context.Background(), d)). A bare fresh root is a
// deliberate detach, not a derivation.
func derivedFrom(info *types.Info, e ast.Expr, v *types.Var) bool {
	if isFreshRoot(info, e) {
		return false
	}
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			found = found || info.Uses[n] == v
		case *ast.CallExpr:
			found = found || isFreshRoot(info, n)
		case *ast.FuncLit:
			return false
		}
		return !found
	})
	return found
}
