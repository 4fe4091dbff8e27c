package ctxcheck

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// runsLater reports whether the call at c runs after the statement that
// starts it, under a go or defer statement (kind) inside the function that
// declares the ctx in scope (owner): it is that statement's call, or sits
// in the body of the function literal the statement calls, and that
// literal declares no context of its own before it. The arguments and
// receiver of a go or deferred call are evaluated at the statement, in the
// function's own flow, so a call among them is judged as any call; a
// literal that gives its work a context of its own
// (context.WithTimeout(context.WithoutCancel(ctx), ...)) has chosen how
// that work ends, and its ctx-less calls drop that bound.
func runsLater(pkg *types.Package, c, owner inspector.Cursor, kind token.Token) bool {
	callEdge := edge.DeferStmt_Call
	if kind == token.GO {
		callEdge = edge.GoStmt_Call
	}
	var lit *ast.FuncLit
	for cur := c; cur.Valid() && cur != owner; cur = cur.Parent() {
		switch n := cur.Node().(type) {
		case *ast.GoStmt, *ast.DeferStmt:
			// Through a literal, the statement is the one callEdge names.
			return lit == nil && c.ParentEdgeKind() == callEdge ||
				lit != nil && !declaresContext(pkg, lit, c.Node().Pos())
		case *ast.FuncLit:
			if cur.ParentEdgeKind() != edge.CallExpr_Fun || cur.Parent().ParentEdgeKind() != callEdge {
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
