package ctxcheck

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// deferredCleanup reports whether the call at c runs as deferred cleanup
// of the function that declares the ctx in scope (owner): it is the call
// of a defer statement, or sits in the body of the function literal a
// defer statement calls, and that literal declares no context of its own
// before it. A deferred call's arguments and receiver are evaluated at the
// defer statement, in the function's own flow, so a call among them is
// not cleanup; a literal that gives its cleanup a context of its own
// (context.WithTimeout(context.WithoutCancel(ctx), ...)) has chosen how it
// ends, and its ctx-less calls drop that bound.
func deferredCleanup(pkg *types.Package, c, owner inspector.Cursor) bool {
	var lit *ast.FuncLit
	for cur := c; cur.Valid() && cur != owner; cur = cur.Parent() {
		switch n := cur.Node().(type) {
		case *ast.DeferStmt:
			return lit == nil && n.Call == c.Node() || lit != nil && !declaresContext(pkg, lit, c.Node().Pos())
		case *ast.FuncLit:
			if cur.ParentEdgeKind() != edge.CallExpr_Fun || cur.Parent().ParentEdgeKind() != edge.DeferStmt_Call {
				return false // a literal run when something else calls it, or never
			}
			lit = n
		}
	}
	return false
}

// declaresContext reports whether the function literal declares a
// context.Context variable visible at pos.
func declaresContext(pkg *types.Package, lit *ast.FuncLit, pos token.Pos) bool {
	for s := pkg.Scope().Innermost(pos); s != nil && s.Pos() >= lit.Pos() && s.End() <= lit.End(); s = s.Parent() {
		for _, name := range s.Names() {
			if v, ok := s.Lookup(name).(*types.Var); ok && isContext(v.Type()) && v.Pos() < pos {
				return true
			}
		}
	}
	return false
}
