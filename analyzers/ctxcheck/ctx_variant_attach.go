package ctxcheck

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
	"github.com/prodlint/prodlint/analyzers/internal/summary/ctxsum"
)

// contextAttachedLater reports whether the value the call at c builds is
// given a context before it is used: the call is the receiver of a method
// that takes one (go-swagger's NewGetParams().WithContext(ctx)), or its
// result is assigned to a variable (or a field) whose next uses, in source
// order and before it is assigned again, are field and method selections
// ending in such a method (req, err := http.NewRequest(...);
// req.Header.Set(...); client.Do(req.WithContext(ctx))), or an argument of
// a function of this package that attaches a context to it itself
// (s.send(ctx, req), where send calls req.WithContext(ctx)), of a call that
// also receives the ctx in scope when the value can hold a context (a
// request: client.Do(ctx, req)), or of a call that
// returns a value of the same type (tx.Stmt(stmt), a wrapper of it) whose
// result is given a context in turn. Uses in a branch the call's own
// branch excludes (the else of its if) and in deferred calls are skipped,
// and so are the uses after an assignment that replaces the value, in the
// assignment's block.
// The value never travels without the context, so the twin would change
// nothing.
func contextAttachedLater(p *rule.Pass, c inspector.Cursor, src ctxSource) bool {
	return attachedLater(p, c, src, 0)
}

func attachedLater(p *rule.Pass, c inspector.Cursor, src ctxSource, depth int) bool {
	info := p.TypesInfo
	e := match.Unparen(c)
	switch e.ParentEdgeKind() {
	case edge.SelectorExpr_X:
		return attachesContext(info, e.Parent())
	case edge.AssignStmt_Rhs, edge.ValueSpec_Values:
	default:
		return false
	}
	v := assignedVar(info, e)
	if v == nil {
		v = storedField(info, e) // s.req = req
	}
	if v == nil {
		return false
	}
	owner, _, _ := match.EnclosingFunc(info, c)
	if !owner.Valid() {
		return false
	}
	end := c.Node().End()
	var replaced []ast.Node // blocks in which the value was replaced: their later uses are another value's
	for id := range owner.Preorder((*ast.Ident)(nil)) {
		n := id.Node().(*ast.Ident)
		if n.Pos() < end || info.Uses[n] != v {
			continue
		}
		if id.ParentEdgeKind() == edge.SelectorExpr_Sel {
			id = id.Parent() // s.req: the field's selection stands for the value
		}
		if exclusive(c, id) || within(replaced, n.Pos()) || inDefer(id, owner) {
			continue // another branch, another value, or cleanup that runs after every other use
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
			as := id.Parent().Node().(*ast.AssignStmt)
			if rhsAttaches(info, as, v) {
				return true
			}
			if refersTo(info, as.Rhs, v) {
				continue // stmt = tx.Stmt(stmt): the value goes on under the same name, judged at its use on the right
			}
			replaced = append(replaced, enclosingBlock(id))
			continue
		case edge.AssignStmt_Rhs:
			// s.req = req: a request kept in a field for later calls,
			// followed through the field.
			if depth < 3 && storedField(info, id) != nil {
				return attachedLater(p, id, src, depth+1)
			}
			return false
		case edge.CallExpr_Args:
			call := id.Parent().Node().(*ast.CallExpr)
			// send(ctx, req): a function of this package that attaches
			// the context to its parameter before it uses it.
			if calleeAttaches(p, call, id.ParentEdgeIndex()) || receivesCtx(info, call, src) && carriesContext(v.Type()) {
				return true
			}
			// tx.Stmt(stmt), wrap(stmt): the same kind of value comes
			// back, to be followed in turn.
			if depth < 3 && sameTypeResult(info, call, v.Type()) {
				return attachedLater(p, id.Parent(), src, depth+1)
			}
			return false
		}
		return false // the value leaves (an argument, a return) without a context
	}
	return false
}

// inDefer reports whether c is in a deferred call of the function at
// owner (defer stmt.Close(), defer closeAndLog(ctx, stmt)): it runs after
// every other use.
func inDefer(c, owner inspector.Cursor) bool {
	for p := c.Parent(); p.Valid() && p != owner; p = p.Parent() {
		switch p.Node().(type) {
		case *ast.DeferStmt:
			return true
		case *ast.FuncLit:
			return false
		}
	}
	return false
}

// storedField returns the field that the expression at c is assigned to
// (s.req = req, where req is the expression), or nil.
func storedField(info *types.Info, c inspector.Cursor) *types.Var {
	as, ok := c.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Lhs) != len(as.Rhs) || c.ParentEdgeKind() != edge.AssignStmt_Rhs {
		return nil
	}
	sel, ok := ast.Unparen(as.Lhs[c.ParentEdgeIndex()]).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	if s := info.Selections[sel]; s == nil || s.Kind() != types.FieldVal {
		return nil
	}
	f, _ := info.Uses[sel.Sel].(*types.Var)
	return f
}

// sameTypeResult reports whether call returns a single value of type t, a
// pointer (tx.Stmt(stmt) and a helper around it return the *sql.Stmt they
// bind); a string or number made from the value is another value.
func sameTypeResult(info *types.Info, call *ast.CallExpr, t types.Type) bool {
	if _, isPtr := types.Unalias(t).(*types.Pointer); !isPtr {
		return false
	}
	rt := info.TypeOf(call)
	if _, isTuple := rt.(*types.Tuple); rt == nil || isTuple {
		return false
	}
	return types.Identical(rt, t)
}

// refersTo reports whether one of es mentions v.
func refersTo(info *types.Info, es []ast.Expr, v *types.Var) bool {
	for _, e := range es {
		if match.Refers(info, e, v) {
			return true
		}
	}
	return false
}

// enclosingBlock returns the innermost block (or case clause body) that
// holds the node at c.
func enclosingBlock(c inspector.Cursor) ast.Node {
	for b := range c.Enclosing((*ast.BlockStmt)(nil), (*ast.CaseClause)(nil), (*ast.CommClause)(nil)) {
		return b.Node()
	}
	return nil
}

// within reports whether pos lies in one of the nodes.
func within(nodes []ast.Node, pos token.Pos) bool {
	for _, n := range nodes {
		if n != nil && n.Pos() <= pos && pos < n.End() {
			return true
		}
	}
	return false
}

// exclusive reports whether the nodes at a and b sit in branches of the
// same statement that never both run: the body and the else of an if, or
// two clauses of a switch or select.
func exclusive(a, b inspector.Cursor) bool {
	branch := func(c inspector.Cursor) map[ast.Node]ast.Node {
		m := map[ast.Node]ast.Node{} // statement -> the branch of it holding c
		prev := c
		for p := c.Parent(); p.Valid(); prev, p = p, p.Parent() {
			switch n := p.Node().(type) {
			case *ast.IfStmt:
				if prev.Node() == n.Body || prev.Node() == n.Else {
					m[n] = prev.Node()
				}
			case *ast.CaseClause, *ast.CommClause:
				if sw := p.Parent().Parent(); sw.Valid() { // clause -> body block -> switch
					m[sw.Node()] = n
				}
			case *ast.FuncDecl, *ast.FuncLit:
				return m
			}
		}
		return m
	}
	ba := branch(a)
	for stmt, br := range branch(b) {
		if other, ok := ba[stmt]; ok && other != br {
			return true
		}
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

// requestReturned reports whether the call at c, an http.NewRequest, builds
// a request that its function returns to the caller (as a named result or
// in a return statement) without sending it itself: a request carries its
// context only to the send, and the sender is the caller, which attaches
// its own (client.Do(req.WithContext(ctx))).
func requestReturned(info *types.Info, c inspector.Cursor) bool {
	v := assignedVar(info, c)
	if v == nil {
		return false
	}
	_, body, sig := match.EnclosingFunc(info, c)
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

// calleeAttaches reports whether the function call invokes is declared in
// this package and its body calls a context-taking method on the
// parameter that receives argument i (req.WithContext(ctx), req.Clone(ctx)).
func calleeAttaches(p *rule.Pass, call *ast.CallExpr, i int) bool {
	callee := match.Callee(p.TypesInfo, call)
	fd := p.FuncDecl(callee)
	if call.Ellipsis.IsValid() {
		return false
	}
	if fd == nil {
		// A function of another package of the module, by its summary.
		sums, _ := p.ResultOf[ctxsum.Analyzer].(*ctxsum.Result) // nil for a rule that does not require it: unknown
		sum, known := sums.Of(callee)
		return known && i < 32 && sum.Attaches&(1<<i) != 0
	}
	var param *types.Var
	n := 0
	for _, field := range fd.Type.Params.List {
		names := field.Names
		if len(names) == 0 {
			n++
			continue
		}
		for _, name := range names {
			if n == i {
				param, _ = p.TypesInfo.Defs[name].(*types.Var)
			}
			n++
		}
	}
	if param == nil {
		return false
	}
	found := false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || match.Var(p.TypesInfo, sel.X) != param {
			return true
		}
		if s := p.TypesInfo.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
			if fn, ok := s.Obj().(*types.Func); ok && takesContext(fn.Signature()) {
				found = true
			}
		}
		return !found
	})
	return found
}

// sentWithContext reports whether the value the call at c builds, a value
// made without I/O (fn returns one result, not an error: a generated
// params constructor such as NewGetParams()), is handed to a call that
// also receives the context in scope (client.GetContext(ctx, params)),
// directly or after builder methods (NewGetParams().WithID(id)) or as a
// variable whose first use that is not a field or method selection is
// that call. The context travels with the call, so the constructor's
// twin would change nothing.
func sentWithContext(info *types.Info, c inspector.Cursor, fn *types.Func, src ctxSource) bool {
	res := fn.Signature().Results()
	if res.Len() != 1 || isError(res.At(0).Type()) {
		return false
	}
	e := match.Unparen(c)
	// NewGetParams().WithID(id).WithBody(b): builder methods on the value.
	for e.ParentEdgeKind() == edge.SelectorExpr_X && e.Parent().ParentEdgeKind() == edge.CallExpr_Fun {
		e = match.Unparen(e.Parent().Parent())
	}
	switch e.ParentEdgeKind() {
	case edge.CallExpr_Args:
		return receivesCtx(info, e.Parent().Node().(*ast.CallExpr), src)
	case edge.AssignStmt_Rhs, edge.ValueSpec_Values:
	default:
		return false
	}
	v := assignedVar(info, e)
	if v == nil {
		return false
	}
	end := e.Node().End()
	for id := range src.owner.Preorder((*ast.Ident)(nil)) {
		n := id.Node().(*ast.Ident)
		if n.Pos() < end || info.Uses[n] != v {
			continue
		}
		switch id.ParentEdgeKind() {
		case edge.SelectorExpr_X:
			continue // params.ID = id, params.SetTimeout(d): still in the making
		case edge.CallExpr_Args:
			return receivesCtx(info, id.Parent().Node().(*ast.CallExpr), src)
		}
		return false
	}
	return false
}

// receivesCtx reports whether call has an argument of type context.Context
// that refers to the context in scope.
func receivesCtx(info *types.Info, call *ast.CallExpr, src ctxSource) bool {
	for _, a := range call.Args {
		if isContext(info.TypeOf(a)) && match.Refers(info, a, src.v) {
			return true
		}
	}
	return false
}
