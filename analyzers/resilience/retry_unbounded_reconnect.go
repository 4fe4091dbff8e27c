package resilience

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// isCappedReconnect reports whether a retry loop waits a delay that grows
// every round and is capped (wait *= 2; if wait > max { wait = max }, or
// wait = min(wait*2, max)) in a function that has no context to return on:
// a loop that re-establishes a long-lived connection for the life of the
// process, as a client must come back after an outage however long. At
// most one attempt per capped interval costs nothing, and an attempt bound
// would leave the process disconnected for good.
func isCappedReconnect(info *types.Info, loop inspector.Cursor) bool {
	if hasCtxInScope(info, loop) {
		return false // the caller can leave: the loop must notice
	}
	var body *ast.BlockStmt
	switch l := loop.Node().(type) {
	case *ast.ForStmt:
		body = l.Body
	case *ast.RangeStmt:
		body = l.Body
	}
	if body == nil {
		return false
	}
	grown := map[types.Object]bool{}
	capped := map[types.Object]bool{}
	waited := map[types.Object]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			if len(x.Lhs) != 1 || len(x.Rhs) != 1 {
				return true
			}
			v := identObj(info, x.Lhs[0])
			if v == nil {
				return true
			}
			switch x.Tok {
			case token.MUL_ASSIGN, token.SHL_ASSIGN:
				grown[v] = true
			case token.ASSIGN:
				if grows(info, x.Rhs[0], v) {
					grown[v] = true
				}
				if call, ok := ast.Unparen(x.Rhs[0]).(*ast.CallExpr); ok && isBuiltin(info, call, "min") && len(call.Args) == 2 {
					for _, a := range call.Args {
						if grows(info, a, v) {
							grown[v], capped[v] = true, true
						}
					}
				}
			}
		case *ast.IfStmt:
			if b, ok := ast.Unparen(x.Cond).(*ast.BinaryExpr); ok && (b.Op == token.GTR || b.Op == token.GEQ || b.Op == token.LSS || b.Op == token.LEQ) {
				for _, side := range []ast.Expr{b.X, b.Y} {
					if v := identObj(info, side); v != nil && assigns(info, x.Body, v) {
						capped[v] = true
					}
				}
			}
		case *ast.CallExpr:
			if fn := match.Callee(info, x); match.IsFunc(fn, "time", "Sleep", "After", "NewTimer", "Tick") {
				for _, a := range x.Args {
					ast.Inspect(a, func(m ast.Node) bool {
						if v := identObj(info, m); v != nil {
							waited[v] = true
						}
						return true
					})
				}
			}
		}
		return true
	})
	for v := range waited {
		if grown[v] && capped[v] {
			return true
		}
	}
	return false
}

// identObj returns the variable an identifier expression refers to.
func identObj(info *types.Info, n ast.Node) types.Object {
	id, ok := n.(*ast.Ident)
	if !ok {
		return nil
	}
	if v, ok := info.Uses[id].(*types.Var); ok {
		return v
	}
	return nil
}

// grows reports whether e multiplies or shifts v (v * 2, v << 1, 2 * v).
func grows(info *types.Info, e ast.Expr, v types.Object) bool {
	b, ok := ast.Unparen(e).(*ast.BinaryExpr)
	if !ok || b.Op != token.MUL && b.Op != token.SHL && b.Op != token.ADD {
		return false
	}
	x, y := identObj(info, b.X), identObj(info, b.Y)
	if b.Op == token.ADD {
		return x == v && y == v // v + v
	}
	return x == v || b.Op == token.MUL && y == v
}

// assigns reports whether the block assigns v.
func assigns(info *types.Info, body *ast.BlockStmt, v types.Object) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok {
			for _, l := range as.Lhs {
				if identObj(info, l) == v {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// isBuiltin reports whether call calls the named builtin function.
func isBuiltin(info *types.Info, call *ast.CallExpr, name string) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == name
}

// hasCtxInScope reports whether a function enclosing the loop has a
// context.Context parameter.
func hasCtxInScope(info *types.Info, c inspector.Cursor) bool {
	for fc := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if sig := match.Signature(info, fc.Node()); sig != nil && match.TakesContext(sig) {
			return true
		}
	}
	return false
}
