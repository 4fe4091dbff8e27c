package server

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// routedBehindLimit reports whether every reference to the handler's
// function registers it on a router (router.HandleFunc(pattern, h),
// router.Handle(pattern, http.HandlerFunc(h))) held in a local variable
// that reaches clients only through a closure that limits its request's
// body before it delegates: the router, perhaps through wrapper calls
// whose results are assigned (d := decompress(router)), is used only as
// the receiver of method calls other than ServeHTTP, as such a wrapper
// argument, or as the receiver of ServeHTTP inside a handler literal that
// applies http.MaxBytesReader or io.LimitReader to its own body.
func routedBehindLimit(p *rule.Pass, aliases map[*types.Var]ast.Expr, h handler) bool {
	fd, ok := h.c.Node().(*ast.FuncDecl)
	if !ok {
		return false
	}
	fn, ok := p.TypesInfo.Defs[fd.Name].(*types.Func)
	if !ok {
		return false
	}
	refs := 0
	for c := range p.Cursors((*ast.Ident)(nil)) {
		if p.TypesInfo.Uses[c.Node().(*ast.Ident)] != fn {
			continue
		}
		refs++
		router, at, ok := registeringRouter(p.TypesInfo, c)
		if !ok || !routerLimited(p, aliases, router, at) {
			return false
		}
	}
	return refs > 0
}

// registeringRouter returns the local variable whose method call takes the
// function referred to at c as an argument, directly or converted to
// http.HandlerFunc, and the cursor of the function around that call.
func registeringRouter(info *types.Info, c inspector.Cursor) (*types.Var, inspector.Cursor, bool) {
	if c.ParentEdgeKind() == edge.SelectorExpr_Sel {
		c = c.Parent() // s.handle
	}
	c = match.Unparen(c)
	if c.ParentEdgeKind() == edge.CallExpr_Args {
		if conv := c.Parent().Node().(*ast.CallExpr); match.IsNamed(info.TypeOf(conv.Fun), "net/http", "HandlerFunc") && isConversion(info, conv) {
			c = match.Unparen(c.Parent())
		}
	}
	if c.ParentEdgeKind() != edge.CallExpr_Args {
		return nil, inspector.Cursor{}, false
	}
	call := c.Parent().Node().(*ast.CallExpr)
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, inspector.Cursor{}, false
	}
	v := match.Var(info, sel.X)
	fc := match.OutermostFunc(c)
	if v == nil || !fc.Valid() {
		return nil, inspector.Cursor{}, false
	}
	// A variable declared in the function's body: every use is in view (a
	// parameter, field or package variable may be served elsewhere).
	var body *ast.BlockStmt
	switch n := fc.Node().(type) {
	case *ast.FuncDecl:
		body = n.Body
	case *ast.FuncLit:
		body = n.Body
	}
	if body == nil || v.Pos() < body.Pos() || v.Pos() >= body.End() {
		return nil, inspector.Cursor{}, false
	}
	return v, fc, true
}

// isConversion reports whether call converts its argument to a type.
func isConversion(info *types.Info, call *ast.CallExpr) bool {
	tv, ok := info.Types[call.Fun]
	return ok && tv.IsType() && len(call.Args) == 1
}

// routerLimited follows the router variable through the function at fn
// (see routedBehindLimit).
func routerLimited(p *rule.Pass, aliases map[*types.Var]ast.Expr, router *types.Var, fn inspector.Cursor) bool {
	info := p.TypesInfo
	held := map[*types.Var]bool{router: true}
	work := []*types.Var{router}
	delegated := false
	for len(work) > 0 {
		v := work[len(work)-1]
		work = work[:len(work)-1]
		for c := range fn.Preorder((*ast.Ident)(nil)) {
			if info.Uses[c.Node().(*ast.Ident)] != v {
				continue
			}
			switch {
			case c.ParentEdgeKind() == edge.SelectorExpr_X && c.Parent().ParentEdgeKind() == edge.CallExpr_Fun:
				if c.Parent().Node().(*ast.SelectorExpr).Sel.Name != "ServeHTTP" {
					continue // routes registered, middleware added
				}
				if !inLimitingHandler(p, aliases, c, fn) {
					return false
				}
				delegated = true
			default:
				y, ok := wrapperResult(info, c)
				if !ok {
					return false // served, stored or handed on some other way
				}
				if !held[y] {
					held[y] = true
					work = append(work, y)
				}
			}
		}
	}
	return delegated
}

// wrapperResult returns the local variable assigned the result of the call
// that takes the use at c (or &use) as an argument: d := wrap(router).
func wrapperResult(info *types.Info, c inspector.Cursor) (*types.Var, bool) {
	c = match.Unparen(c)
	if u, ok := c.Parent().Node().(*ast.UnaryExpr); ok && u.X == c.Node() {
		c = match.Unparen(c.Parent())
	}
	if c.ParentEdgeKind() != edge.CallExpr_Args {
		return nil, false
	}
	call := match.Unparen(c.Parent())
	var lhs ast.Expr
	switch n := call.Parent().Node().(type) {
	case *ast.AssignStmt:
		if len(n.Lhs) != 1 || len(n.Rhs) != 1 {
			return nil, false
		}
		lhs = n.Lhs[0]
	case *ast.ValueSpec:
		if len(n.Names) != 1 || len(n.Values) != 1 {
			return nil, false
		}
		lhs = n.Names[0]
	default:
		return nil, false
	}
	id, ok := lhs.(*ast.Ident)
	if !ok {
		return nil, false
	}
	v, ok := info.Defs[id].(*types.Var)
	if !ok {
		v, ok = info.Uses[id].(*types.Var)
	}
	return v, ok && v != nil
}

// inLimitingHandler reports whether the ServeHTTP call at c lies in a
// handler literal, inside the function at fn, that limits its own
// request's body.
func inLimitingHandler(p *rule.Pass, aliases map[*types.Var]ast.Expr, c, fn inspector.Cursor) bool {
	for lc := range c.Enclosing((*ast.FuncLit)(nil)) {
		if lc == fn {
			return false
		}
		h, ok := asHandler(p.TypesInfo, lc)
		if !ok {
			return false
		}
		for cc := range lc.Preorder((*ast.CallExpr)(nil)) {
			call := cc.Node().(*ast.CallExpr)
			if call.End() > c.Node().Pos() {
				break // the limit comes before the delegation
			}
			if body := boundedBody(p.TypesInfo, aliases, call); body != nil && isBodyOf(p.TypesInfo, aliases, body, h.r) {
				return true
			}
		}
		return false
	}
	return false
}
