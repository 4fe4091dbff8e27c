package ctxcheck

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// isContextOrPtr reports whether t is context.Context or *context.Context.
func isContextOrPtr(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	return isContext(t)
}

// nilTested returns the context-typed expressions cond tests for nil:
// X == nil, or a call returning bool that is handed X (isNil(ctx)),
// through && and ||.
func nilTested(info *types.Info, cond ast.Expr) []ast.Expr {
	switch e := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LAND, token.LOR:
			return append(nilTested(info, e.X), nilTested(info, e.Y)...)
		case token.EQL:
			for _, pair := range [][2]ast.Expr{{e.X, e.Y}, {e.Y, e.X}} {
				if match.IsNil(info, pair[1]) && isContextOrPtr(info.TypeOf(pair[0])) {
					return []ast.Expr{pair[0]}
				}
			}
		}
	case *ast.CallExpr:
		if t, ok := info.TypeOf(e).(*types.Basic); ok && t.Kind() == types.Bool && len(e.Args) == 1 &&
			isContextOrPtr(info.TypeOf(e.Args[0])) {
			return []ast.Expr{e.Args[0]}
		}
	}
	return nil
}

// nilGuardDefault reports whether the fresh root at c is the fallback of a
// nil-context guard: it sits in the body of an if that tests the ctx in
// scope (or what it points to) for nil, or it is assigned to the very
// context-typed expression the if tests (if req.Ctx == nil { req.Ctx =
// ... }). There is no context to propagate there.
func nilGuardDefault(info *types.Info, c inspector.Cursor, src ctxSource) bool {
	for p := c; p.Valid() && p != src.owner; p = p.Parent() {
		switch p.Node().(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		}
		if p.ParentEdgeKind() != edge.IfStmt_Body {
			continue
		}
		ifs := p.Parent().Node().(*ast.IfStmt)
		for _, x := range nilTested(info, ifs.Cond) {
			x = ast.Unparen(x)
			if star, ok := x.(*ast.StarExpr); ok {
				x = ast.Unparen(star.X)
			}
			if id, ok := x.(*ast.Ident); ok && info.ObjectOf(id) == src.v {
				return true
			}
			if assignedAs(c, p, types.ExprString(x)) {
				return true
			}
		}
	}
	return false
}

// assignedAs reports whether c sits in the right-hand side of an
// assignment, below stop, whose single left-hand side reads as lhs.
func assignedAs(c, stop inspector.Cursor, lhs string) bool {
	for p := c; p.Valid() && p != stop; p = p.Parent() {
		if p.ParentEdgeKind() == edge.AssignStmt_Rhs {
			as := p.Parent().Node().(*ast.AssignStmt)
			return len(as.Lhs) == 1 && types.ExprString(as.Lhs[0]) == lhs
		}
	}
	return false
}

// storedCallback reports whether the fresh root at c sits in a function
// literal with no context parameter that is stored in a field (assigned
// to x.f, or the value of a composite literal's field): a callback that
// runs later, outside the call of the function whose ctx is in scope.
func storedCallback(info *types.Info, c inspector.Cursor, src ctxSource) bool {
	for p := c.Parent(); p.Valid() && p != src.owner; p = p.Parent() {
		lit, ok := p.Node().(*ast.FuncLit)
		if !ok {
			continue
		}
		sig, _ := info.TypeOf(lit).(*types.Signature)
		if sig == nil {
			return false
		}
		for v := range sig.Params().Variables() {
			if isContextOrPtr(v.Type()) || isRequest(v.Type()) {
				return false
			}
		}
		switch p.ParentEdgeKind() {
		case edge.KeyValueExpr_Value:
			return true
		case edge.AssignStmt_Rhs:
			as := p.Parent().Node().(*ast.AssignStmt)
			if len(as.Lhs) == len(as.Rhs) {
				_, field := ast.Unparen(as.Lhs[p.ParentEdgeIndex()]).(*ast.SelectorExpr)
				return field && match.FieldSelection(info, as.Lhs[p.ParentEdgeIndex()]) != nil
			}
		}
		return false
	}
	return false
}

// deferredCancelFeedsGoroutines reports whether the fresh root is derived
// with a cancel function (context.WithCancel) that a defer of the owner
// calls unconditionally, and the derived context is used only in go
// statements of the owner: goroutines the function stops before it
// returns, so nothing outlives the call.
func deferredCancelFeedsGoroutines(info *types.Info, owner inspector.Cursor, flow freshFlow) bool {
	if len(flow.cancels) == 0 || len(flow.vars) == 0 {
		return false
	}
	deferred := false
	for dc := range owner.Preorder((*ast.DeferStmt)(nil)) {
		call := dc.Node().(*ast.DeferStmt).Call
		if cancelCall(info, call, flow.cancels) {
			deferred = true
		}
		if lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
			for _, st := range lit.Body.List {
				if es, ok := st.(*ast.ExprStmt); ok {
					if call, ok := ast.Unparen(es.X).(*ast.CallExpr); ok && cancelCall(info, call, flow.cancels) {
						deferred = true
					}
				}
			}
		}
	}
	if !deferred {
		return false
	}
	used := false
	for ic := range owner.Preorder((*ast.Ident)(nil)) {
		id := ic.Node().(*ast.Ident)
		v, ok := info.Uses[id].(*types.Var)
		if !ok || !flow.vars[v] {
			continue
		}
		if !detachedUnder(ic, owner, token.GO) {
			return false
		}
		used = true
	}
	return used
}

// cancelledAtOnce reports whether the chain of derivations that starts at
// the fresh root is assigned with its cancel function, and the statement
// right after that assignment calls the cancel function: the derived
// context is done before any statement can use it.
func cancelledAtOnce(info *types.Info, flow freshFlow) bool {
	cancel := cancelVar(info, flow.end)
	if cancel == nil {
		return false
	}
	end := match.Unparen(flow.end)
	if end.ParentEdgeKind() != edge.AssignStmt_Rhs {
		return false
	}
	next, ok := end.Parent().NextSibling()
	if !ok {
		return false
	}
	es, ok := next.Node().(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := ast.Unparen(es.X).(*ast.CallExpr)
	return ok && cancelCall(info, call, map[*types.Var]bool{cancel: true})
}

func cancelCall(info *types.Info, call *ast.CallExpr, cancels map[*types.Var]bool) bool {
	return len(call.Args) == 0 && cancels[match.Var(info, call.Fun)]
}

// resultOutlivesCall reports whether the fresh root (or a context derived
// from it) is handed to a call whose result is a resource that outlives
// the function: a variable with a Close method it is assigned to is used
// in a go statement the function starts, or stored in a field.
func resultOutlivesCall(info *types.Info, owner inspector.Cursor, flow freshFlow) bool {
	// Past any function that wraps the context in another
	// (WithNamespace(context.Background(), ns)).
	e := flow.end
	for {
		call, ok := argumentOf(e)
		if !ok || !isContext(info.TypeOf(call)) && !returnsContextFirst(info, call) {
			break
		}
		e = match.Unparen(e).Parent()
	}
	vars := map[*types.Var]bool{}
	for v := range flow.vars {
		vars[v] = true
	}
	if v := assignedVar(info, e); v != nil {
		vars[v] = true
	}
	var calls []inspector.Cursor
	if _, ok := argumentOf(e); ok {
		calls = append(calls, match.Unparen(e).Parent())
	}
	for cc := range owner.Preorder((*ast.CallExpr)(nil)) {
		call := cc.Node().(*ast.CallExpr)
		if isContextWith(info, call) {
			continue
		}
		for _, a := range call.Args {
			if v := match.Var(info, a); v != nil && vars[v] {
				calls = append(calls, cc)
				break
			}
		}
	}
	for _, cc := range calls {
		res := resultVar(info, cc)
		if res == nil {
			continue
		}
		for ic := range owner.Preorder((*ast.Ident)(nil)) {
			if info.Uses[ic.Node().(*ast.Ident)] != res {
				continue
			}
			if detachedUnder(ic, owner, token.GO) {
				return true
			}
			if e := match.Unparen(ic); e.ParentEdgeKind() == edge.AssignStmt_Rhs {
				as := e.Parent().Node().(*ast.AssignStmt)
				if len(as.Lhs) == len(as.Rhs) && match.FieldSelection(info, as.Lhs[e.ParentEdgeIndex()]) != nil {
					return true
				}
			}
		}
	}
	return false
}

// resultVar returns the local variable the first result of the call at c
// is assigned to, when that result is a resource with a Close method.
func resultVar(info *types.Info, c inspector.Cursor) *types.Var {
	if k := c.ParentEdgeKind(); k != edge.AssignStmt_Rhs && k != edge.ValueSpec_Values {
		return nil
	}
	lhs, rhs, _ := assignment(c.Parent().Node())
	if len(rhs) != 1 || len(lhs) == 0 {
		return nil
	}
	v := match.Var(info, lhs[0])
	if v == nil || isContext(v.Type()) {
		return nil
	}
	if obj, _, _ := types.LookupFieldOrMethod(v.Type(), true, v.Pkg(), "Close"); obj == nil {
		return nil // not a resource that is released later
	}
	return v
}

// returnsContextFirst reports whether the first of several results of call
// is a context.Context (ctx, cancel := context.WithCancel(...)).
func returnsContextFirst(info *types.Info, call *ast.CallExpr) bool {
	t, ok := info.TypeOf(call).(*types.Tuple)
	return ok && t.Len() > 0 && isContext(t.At(0).Type())
}
