package ctxcheck

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// contextAttachedLater reports whether the value the call at c builds is
// given a context before it is used: the call is the receiver of a method
// that takes one (go-swagger's NewGetParams().WithContext(ctx)), or its
// result is assigned to a variable whose next uses, in source order and
// before it is assigned again, are field and method selections ending in
// such a method (req, err := http.NewRequest(...); req.Header.Set(...);
// client.Do(req.WithContext(ctx))). The value never travels without the
// context, so the twin would change nothing.
func contextAttachedLater(info *types.Info, c inspector.Cursor) bool {
	e := c
	for e.ParentEdgeKind() == edge.ParenExpr_X {
		e = e.Parent()
	}
	switch e.ParentEdgeKind() {
	case edge.SelectorExpr_X:
		return attachesContext(info, e.Parent())
	case edge.AssignStmt_Rhs, edge.ValueSpec_Values:
	default:
		return false
	}
	v := firstLHSVar(info, e.Parent().Node())
	if v == nil {
		return false
	}
	owner, ok := innermostFunc(c)
	if !ok {
		return false
	}
	end := c.Node().End()
	for id := range owner.Preorder((*ast.Ident)(nil)) {
		n := id.Node().(*ast.Ident)
		if n.Pos() < end || info.Uses[n] != v {
			continue
		}
		switch id.ParentEdgeKind() {
		case edge.SelectorExpr_X:
			if attachesContext(info, id.Parent()) {
				return true
			}
			continue // req.Header.Set(...): still in the making
		case edge.AssignStmt_Lhs:
			// req = req.WithContext(ctx) attaches it; any other
			// assignment replaces the value unattached.
			return rhsAttaches(info, id.Parent().Node().(*ast.AssignStmt), v)
		}
		return false // the value leaves (an argument, a return) without a context
	}
	return false
}

// attachesContext reports whether sel, a selection on the value, is called
// as a method that takes a context.Context.
func attachesContext(info *types.Info, sel inspector.Cursor) bool {
	if sel.ParentEdgeKind() != edge.CallExpr_Fun {
		return false
	}
	selection := info.Selections[sel.Node().(*ast.SelectorExpr)]
	if selection == nil || selection.Kind() != types.MethodVal {
		return false
	}
	fn, ok := selection.Obj().(*types.Func)
	return ok && takesContext(fn.Signature())
}

// rhsAttaches reports whether an assignment's right-hand side calls a
// context-taking method on v (req = req.WithContext(ctx)).
func rhsAttaches(info *types.Info, as *ast.AssignStmt, v *types.Var) bool {
	for _, r := range as.Rhs {
		call, ok := ast.Unparen(r).(*ast.CallExpr)
		if !ok {
			continue
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || match.Var(info, sel.X) != v {
			continue
		}
		if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
			if fn, ok := s.Obj().(*types.Func); ok && takesContext(fn.Signature()) {
				return true
			}
		}
	}
	return false
}

// firstLHSVar returns the variable the first value of a call is assigned
// to (req in `req, err := f()` or `var req, err = f()`).
func firstLHSVar(info *types.Info, n ast.Node) *types.Var {
	var first ast.Expr
	switch n := n.(type) {
	case *ast.AssignStmt:
		if len(n.Rhs) == 1 {
			first = n.Lhs[0]
		}
	case *ast.ValueSpec:
		if len(n.Values) == 1 {
			first = n.Names[0]
		}
	}
	if first == nil {
		return nil
	}
	return match.Var(info, first)
}

// innermostFunc returns the function declaration or literal around c.
func innermostFunc(c inspector.Cursor) (inspector.Cursor, bool) {
	for fc := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return fc, true
	}
	return inspector.Cursor{}, false
}

// requestReturned reports whether the call at c, an http.NewRequest, builds
// a request that its function returns to the caller (as a named result or
// in a return statement) without sending it itself: a request carries its
// context only to the send, and the sender is the caller, which attaches
// its own (client.Do(req.WithContext(ctx))).
func requestReturned(info *types.Info, c inspector.Cursor) bool {
	e := c
	for e.ParentEdgeKind() == edge.ParenExpr_X {
		e = e.Parent()
	}
	if k := e.ParentEdgeKind(); k != edge.AssignStmt_Rhs && k != edge.ValueSpec_Values {
		return false
	}
	v := firstLHSVar(info, e.Parent().Node())
	if v == nil {
		return false
	}
	fn, ok := innermostFunc(c)
	if !ok {
		return false
	}
	var sig *types.Signature
	var body *ast.BlockStmt
	switch f := fn.Node().(type) {
	case *ast.FuncDecl:
		if obj, ok := info.Defs[f.Name].(*types.Func); ok {
			sig = obj.Signature()
		}
		body = f.Body
	case *ast.FuncLit:
		sig, _ = info.TypeOf(f).(*types.Signature)
		body = f.Body
	}
	if sig == nil || body == nil {
		return false
	}
	returned := false
	for r := range sig.Results().Variables() {
		returned = returned || r == v
	}
	sent := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // another function's returns and sends
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				returned = returned || match.Var(info, r) == v
			}
		case *ast.CallExpr:
			if match.IsMethodCall(info, n, "net/http", "Client", "Do") ||
				match.IsMethodCall(info, n, "net/http", "RoundTripper", "RoundTrip") ||
				match.IsMethodCall(info, n, "net/http", "Transport", "RoundTrip") {
				for _, a := range n.Args {
					sent = sent || match.Var(info, a) == v
				}
			}
		}
		return !sent
	})
	return returned && !sent
}
