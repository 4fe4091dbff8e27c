package ctxcheck

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/index"
	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// ctxSource is the context a call site can pass on: a context.Context
// variable, or an *http.Request variable whose Context method yields the
// request's context.
type ctxSource struct {
	v       *types.Var
	request bool
	// owner is the function (declaration or literal) that declares v.
	owner inspector.Cursor
}

// expr is the source text that denotes the context at the call site.
func (s ctxSource) expr() string {
	if s.request {
		return s.v.Name() + ".Context()"
	}
	return s.v.Name()
}

// isContext reports whether t is context.Context (through aliases such as
// aws.Context).
func isContext(t types.Type) bool { return match.IsNamed(t, "context", "Context") }

// isRequest reports whether t is *http.Request.
func isRequest(t types.Type) bool { return match.IsPointerTo(t, "net/http", "Request") }

// ctxInScope returns the context a call at c can propagate: a named
// context.Context or *http.Request parameter of an enclosing function
// (closures capture their parents' parameters), found by name from the
// call site so that shadowing is respected. A parameter whose name is
// rebound at the call site counts only when it is rebound to a context
// (or request) derived from something other than a fresh
// context.Background()/TODO(): rebinding ctx to a fresh root is a
// deliberate detach, and then there is no ctx in scope.
func ctxInScope(info *types.Info, pkg *types.Package, c inspector.Cursor) (ctxSource, bool) {
	src, miss := ctxInScopeWhy(info, pkg, c)
	return src, miss == ctxFound
}

// scopeMiss says why a call has no context to propagate.
type scopeMiss int

const (
	ctxFound    scopeMiss = iota
	noCtxParam            // no enclosing function names a context or request parameter
	inCLIAction           // the enclosing function is a CLI command action: its ctx is the root
	ctxRebound            // the parameter's name is rebound to a fresh root where the call is
)

// ctxInScopeWhy is ctxInScope, saying why there is no context when there
// is none (for prodlint -explain).
func ctxInScopeWhy(info *types.Info, pkg *types.Package, c inspector.Cursor) (ctxSource, scopeMiss) {
	pos := c.Node().Pos()
	scope := pkg.Scope().Innermost(pos)
	if scope == nil {
		return ctxSource{}, noCtxParam
	}
	miss := noCtxParam
	for fc := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if sig := match.Signature(info, fc.Node()); sig != nil && isCLIAction(sig) {
			miss = inCLIAction
		}
		// The function's first context parameter (ctx before r) decides.
		if params := ctxParams(info, fc.Node()); len(params) > 0 {
			param := params[0]
			_, obj := scope.LookupParent(param.Name(), pos)
			if obj == param {
				return ctxSource{v: param, request: isRequest(param.Type()), owner: fc}, ctxFound
			}
			v, ok := obj.(*types.Var)
			if !ok || v.Parent() == pkg.Scope() || isContext(v.Type()) != isContext(param.Type()) ||
				isRequest(v.Type()) != isRequest(param.Type()) || initializedFresh(info, c.Inspector(), v) {
				return ctxSource{}, ctxRebound // rebound deliberately: stay quiet
			}
			return ctxSource{v: v, request: isRequest(v.Type()), owner: declaringFunc(c, v.Pos())}, ctxFound
		}
		if _, isDecl := fc.Node().(*ast.FuncDecl); isDecl {
			break
		}
	}
	return ctxSource{}, miss
}

// ctxParams returns the named, non-blank parameters of fn that carry a
// context: context.Context ones first, then *http.Request ones.
func ctxParams(info *types.Info, fn ast.Node) []*types.Var {
	sig := match.Signature(info, fn)
	if sig == nil || isCLIAction(sig) {
		return nil
	}
	var ctxs, reqs []*types.Var
	for v := range sig.Params().Variables() {
		if v.Name() == "" || v.Name() == "_" {
			continue // a context the function chose not to name is not in scope
		}
		switch {
		case isContext(v.Type()):
			ctxs = append(ctxs, v)
		case isRequest(v.Type()):
			reqs = append(reqs, v)
		}
	}
	return append(ctxs, reqs...)
}

// isCLIAction reports whether sig is a command action of
// github.com/urfave/cli/v3 (func(ctx context.Context, cmd *cli.Command)
// error): its ctx is the process's root context, which the action's own
// code is free to replace as main is.
func isCLIAction(sig *types.Signature) bool {
	for v := range sig.Params().Variables() {
		if match.IsPointerTo(v.Type(), "github.com/urfave/cli/v3", "Command") {
			return true
		}
	}
	return false
}

// inReturnedFunc reports whether c lies in a function literal returned by
// a function inside owner (return func() { ... }, a release or shutdown
// function): its caller runs it after this call is over, when the ctx of
// this call no longer governs the work, so a fresh context there is not a
// cut of the cancellation chain.
func inReturnedFunc(c inspector.Cursor, owner inspector.Cursor) bool {
	for p := c.Parent(); p.Valid() && p != owner; p = p.Parent() {
		if _, lit := p.Node().(*ast.FuncLit); lit && p.ParentEdgeKind() == edge.ReturnStmt_Results {
			return true
		}
	}
	return false
}

// declaringFunc returns the innermost function around c whose extent
// holds pos, the declaration of a local variable.
func declaringFunc(c inspector.Cursor, pos token.Pos) inspector.Cursor {
	for fc := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if fc.Node().Pos() <= pos && pos < fc.Node().End() {
			return fc
		}
	}
	return inspector.Cursor{}
}

// initializedFresh reports whether the local variable v is declared by
// `v := context.Background()` (or TODO, or a var spec of the same shape).
func initializedFresh(info *types.Info, in *inspector.Inspector, v *types.Var) bool {
	rhs := initializer(info, in, v)
	return rhs != nil && isFreshRoot(info, rhs)
}

// isFreshRoot reports whether e is a call of context.Background or
// context.TODO.
func isFreshRoot(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	return ok && match.IsCallTo(info, call, "context", "Background", "TODO")
}

// detachedUnder reports whether c runs in a go statement (kinds includes
// token.GO) or a defer statement (token.DEFER) inside the owner function:
// then it runs after, or outside, the work the context belongs to.
func detachedUnder(c inspector.Cursor, owner inspector.Cursor, kinds ...token.Token) bool {
	for p := c.Parent(); p.Valid() && p != owner; p = p.Parent() {
		var tok token.Token
		switch p.Node().(type) {
		case *ast.GoStmt:
			tok = token.GO
		case *ast.DeferStmt:
			tok = token.DEFER
		default:
			continue
		}
		for _, k := range kinds {
			if k == tok {
				return true
			}
		}
	}
	return false
}

// ignoredByCallback reports whether the context in scope is a parameter of
// a function literal that never uses it. A literal's signature is imposed
// by the API it is handed to, which decides what that context means (the
// call that happened to trigger a batch flush, say); a literal that never
// reads it has not tied its work to it. A named function that ignores its
// own ctx parameter is still reported: it chose that signature.
func ignoredByCallback(info *types.Info, src ctxSource) bool {
	lit, ok := src.owner.Node().(*ast.FuncLit)
	return ok && !src.request && !match.Refers(info, lit.Body, src.v)
}

// localDeadline returns, for a call at c with no context parameter in
// scope, a local context.Context variable visible at c that the function
// gave its own deadline (ctx, cancel := context.WithTimeout(...) or
// WithDeadline, whatever its parent) and whose cancel function it does not
// call before c, outside a defer: the author bounded the work there, and
// a ctx-less call drops that bound. The innermost scope's latest one wins.
func localDeadline(info *types.Info, pkg *types.Package, c inspector.Cursor) (ctxSource, bool) {
	pos := c.Node().Pos()
	inner := pkg.Scope().Innermost(pos)
	for s := inner; s != nil && s != pkg.Scope() && s != types.Universe; s = s.Parent() {
		var best *types.Var
		var owner inspector.Cursor
		for _, name := range s.Names() {
			v, ok := s.Lookup(name).(*types.Var)
			if !ok || !isContext(v.Type()) || v.Pos() >= pos || best != nil && v.Pos() < best.Pos() {
				continue
			}
			if _, visible := inner.LookupParent(name, pos); visible != v {
				continue // not yet in scope at pos, or shadowed
			}
			fc := declaringFunc(c, v.Pos())
			if !fc.Valid() {
				continue
			}
			if withDeadline(info, c.Inspector(), v) && !cancelledBefore(info, c.Inspector(), v, fc, pos) {
				best, owner = v, fc
			}
		}
		if best != nil {
			return ctxSource{v: best, owner: owner}, true
		}
	}
	return ctxSource{}, false
}

// withDeadline reports whether the local variable v is declared by a call
// of context.WithTimeout or WithDeadline (or their Cause forms).
func withDeadline(info *types.Info, in *inspector.Inspector, v *types.Var) bool {
	call, ok := ast.Unparen(initializer(info, in, v)).(*ast.CallExpr)
	return ok && match.IsCallTo(info, call, "context", "WithTimeout", "WithDeadline", "WithTimeoutCause", "WithDeadlineCause")
}

// cancelledBefore reports whether the cancel function declared beside v
// (ctx, cancel := context.WithTimeout(...)) is called in fc between v's
// declaration and pos other than by a defer: then v is already done at
// pos. A call in a function literal (defer func() { cancel() }()) runs
// when the literal does and is not counted.
func cancelledBefore(info *types.Info, in *inspector.Inspector, v *types.Var, fc inspector.Cursor, pos token.Pos) bool {
	id, ok := index.DefOf(in, info, v)
	if !ok {
		return true
	}
	lhs, _, ok := assignment(id.Parent().Node())
	if !ok || len(lhs) < 2 {
		return false
	}
	cancelID, ok := lhs[1].(*ast.Ident)
	if !ok {
		return false
	}
	cancel := info.ObjectOf(cancelID)
	if cancel == nil || cancelID.Name == "_" {
		return false
	}
	for cc := range fc.Preorder((*ast.CallExpr)(nil)) {
		call := cc.Node().(*ast.CallExpr)
		if call.Pos() <= v.Pos() || call.Pos() >= pos || !match.Refers(info, call.Fun, cancel) {
			continue
		}
		if cc.ParentEdgeKind() != edge.DeferStmt_Call && !match.InFuncLitUnder(cc, fc) {
			return true
		}
	}
	return false
}
