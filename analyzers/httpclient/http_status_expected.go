package httpclient

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// comparedWithExpected reports whether the bytes read returns are used
// only to be compared with an expected value: assigned to a variable b,
// perhaps turned into a string and trimmed (s := strings.TrimSpace(string(b))),
// and every use of those variables is an operand of a != (or !bytes.Equal)
// whose branch returns a non-nil error, or a part of that error. An error
// page cannot equal a value the code expects, so it ends in the error.
func comparedWithExpected(info *types.Info, fn inspector.Cursor, read *ast.CallExpr, decoded bool) bool {
	if decoded || !fn.Valid() {
		return false
	}
	// The variables holding the bytes read or a view of them.
	held := map[*types.Var]bool{}
	defs := map[*ast.Ident]bool{}
	for c := range fn.Preorder((*ast.AssignStmt)(nil)) {
		n := c.Node().(*ast.AssignStmt)
		if len(n.Rhs) != 1 || len(n.Lhs) == 0 || n.End() < read.Pos() {
			continue
		}
		first, ok := n.Lhs[0].(*ast.Ident)
		if !ok {
			continue
		}
		rhs := ast.Unparen(n.Rhs[0])
		if rhs == read && len(n.Lhs) <= 2 || len(n.Lhs) == 1 && viewOfHeld(info, rhs, held) {
			if v := match.Var(info, first); v != nil {
				held[v] = true
				defs[first] = true
			}
		}
	}
	if len(held) == 0 {
		return false
	}
	compared := false
	for c := range fn.Preorder((*ast.Ident)(nil)) {
		id := c.Node().(*ast.Ident)
		v, _ := info.Uses[id].(*types.Var)
		if v == nil || !held[v] || defs[id] {
			continue
		}
		switch heldUse(info, c, held) {
		case useCompared:
			compared = true
		case useOther:
			return false
		}
	}
	return compared
}

type heldUseKind int

const (
	useOther    heldUseKind = iota // anything else: the bytes may be used as data
	useView                        // in the right-hand side of a view assigned to a held variable
	useCompared                    // an operand of a mismatch test whose branch returns an error
	useInError                     // inside the error return of such a branch
)

// heldUse classifies the use of a held variable at c.
func heldUse(info *types.Info, c inspector.Cursor, held map[*types.Var]bool) heldUseKind {
	// Climb through the views of the bytes (string(b), strings.TrimSpace(s)).
	e := c
	for {
		p := e.Parent()
		if call, ok := p.Node().(*ast.CallExpr); ok && e.ParentEdgeKind() == edge.CallExpr_Args && isView(info, call) {
			e = p
			continue
		}
		if _, ok := p.Node().(*ast.ParenExpr); ok {
			e = p
			continue
		}
		break
	}
	p := e.Parent()
	switch n := p.Node().(type) {
	case *ast.AssignStmt:
		if len(n.Lhs) == 1 && len(n.Rhs) == 1 {
			if v := match.Var(info, n.Lhs[0]); v != nil && held[v] {
				return useView
			}
		}
	case *ast.BinaryExpr:
		if n.Op == token.NEQ && mismatchReturnsError(info, p) && !isEmptyConst(info, otherOperand(n, e.Node())) {
			return useCompared
		}
	case *ast.CallExpr:
		if match.IsFunc(match.Callee(info, n), "bytes", "Equal") && p.Parent().Node() != nil {
			if u, ok := p.Parent().Node().(*ast.UnaryExpr); ok && u.Op == token.NOT && mismatchReturnsError(info, p.Parent()) {
				return useCompared
			}
		}
	}
	// A part of an error returned by the branch of a mismatch test.
	for a := c.Parent(); a.Valid(); a = a.Parent() {
		switch a.Node().(type) {
		case *ast.ReturnStmt:
			if a.Parent().ParentEdgeKind() == edge.IfStmt_Body {
				ifs := a.Parent().Parent().Node().(*ast.IfStmt)
				if isMismatchCond(info, ifs.Cond) && returnsError(info, ifs.Body) {
					return useInError
				}
			}
			return useOther
		case ast.Stmt, *ast.FuncLit:
			return useOther
		}
	}
	return useOther
}

// mismatchReturnsError reports whether the test at c is the condition of
// an if statement whose body returns a non-nil error.
func mismatchReturnsError(info *types.Info, c inspector.Cursor) bool {
	if c.ParentEdgeKind() != edge.IfStmt_Cond {
		return false
	}
	return returnsError(info, c.Parent().Node().(*ast.IfStmt).Body)
}

// isMismatchCond reports whether cond is a != test or a negated
// bytes.Equal.
func isMismatchCond(info *types.Info, cond ast.Expr) bool {
	switch n := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		return n.Op == token.NEQ
	case *ast.UnaryExpr:
		call, ok := ast.Unparen(n.X).(*ast.CallExpr)
		return n.Op == token.NOT && ok && match.IsFunc(match.Callee(info, call), "bytes", "Equal")
	}
	return false
}

// otherOperand returns the operand of b that is not e.
func otherOperand(b *ast.BinaryExpr, e ast.Node) ast.Expr {
	if b.X == e {
		return b.Y
	}
	return b.X
}

// isEmptyConst reports whether e is the constant "" (a test that any
// non-empty error page passes).
func isEmptyConst(info *types.Info, e ast.Expr) bool {
	s, ok := match.ConstString(info, e)
	return ok && s == ""
}

// viewOfHeld reports whether e is a held variable or a view of one.
func viewOfHeld(info *types.Info, e ast.Expr, held map[*types.Var]bool) bool {
	e = ast.Unparen(e)
	if v := match.Var(info, e); v != nil {
		return held[v]
	}
	call, ok := e.(*ast.CallExpr)
	return ok && isView(info, call) && len(call.Args) > 0 && viewOfHeld(info, call.Args[0], held)
}

// isView reports whether call converts bytes to a string or back, or
// trims or folds the case of a string or bytes (strings.TrimSpace,
// bytes.TrimRight, strings.ToLower): the same content, not a use of it.
func isView(info *types.Info, call *ast.CallExpr) bool {
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		return len(call.Args) == 1
	}
	fn := match.Callee(info, call)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() {
	case "strings", "bytes":
		switch fn.Name() {
		case "TrimSpace", "Trim", "TrimRight", "TrimLeft", "TrimSuffix", "TrimPrefix", "ToLower", "ToUpper":
			return true
		}
	}
	return false
}
