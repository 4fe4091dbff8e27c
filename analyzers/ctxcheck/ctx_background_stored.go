package ctxcheck

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// storedInField reports whether the fresh root at c, alone or wrapped in
// context.With* calls, is stored in a struct field (c.ctx, c.cancel =
// context.WithCancel(context.Background()), or &Client{ctx: ...}): the
// context of a long-lived object, which a constructor's ctx must not
// cancel when the constructor's caller returns.
func storedInField(info *types.Info, c inspector.Cursor) bool {
	e := c
	for {
		parent := e.Parent()
		switch n := parent.Node().(type) {
		case *ast.ParenExpr:
			e = parent
			continue
		case *ast.CallExpr:
			if n.Fun != e.Node() && isContextWith(info, n) {
				e = parent // an argument of context.WithCancel and friends
				continue
			}
			return false
		case *ast.KeyValueExpr:
			_, inLit := parent.Parent().Node().(*ast.CompositeLit)
			return inLit && n.Value == e.Node()
		case *ast.AssignStmt:
			return assignsToField(n, e.Node())
		}
		return false
	}
}

// assignsToField reports whether the assignment stores rhs, one of its
// right-hand sides, in a field.
func assignsToField(s *ast.AssignStmt, rhs ast.Node) bool {
	for i, r := range s.Rhs {
		if r != rhs {
			continue
		}
		lhs := s.Lhs
		if len(s.Lhs) == len(s.Rhs) {
			lhs = s.Lhs[i : i+1]
		}
		for _, l := range lhs {
			if _, field := ast.Unparen(l).(*ast.SelectorExpr); field {
				return true
			}
		}
	}
	return false
}

// isContextWith reports whether call calls one of the context package's
// With* functions, which derive a context from their first argument.
func isContextWith(info *types.Info, call *ast.CallExpr) bool {
	fn := match.Callee(info, call)
	return fn != nil && match.IsFunc(fn, "context") && strings.HasPrefix(fn.Name(), "With")
}
