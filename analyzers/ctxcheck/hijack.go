package ctxcheck

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/apis"
	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// isHijack reports whether fn takes over a server request's connection
// (from the API tables). Once it has, the server stops watching the
// connection, and the request's context no longer ends when the client
// goes away: only when the handler returns.
func isHijack(fn *types.Func) bool { return apis.IsHijack(fn) }

// afterHijack reports whether, in the function around c, a call takes
// over the request's connection before c: the request's context then
// ends only when the handler returns, so a fresh root the function
// cancels on return (see cancelDeferred) cuts nothing from it.
func afterHijack(info *types.Info, c inspector.Cursor, owner inspector.Cursor) bool {
	if !owner.Valid() {
		return false
	}
	for cc := range owner.Preorder((*ast.CallExpr)(nil)) {
		call := cc.Node().(*ast.CallExpr)
		if call.End() > c.Node().Pos() {
			break
		}
		if fn := match.Callee(info, call); fn != nil && isHijack(fn) {
			return true
		}
	}
	return false
}

// cancelDeferred reports whether one of the fresh root's cancel functions
// is called by a defer of owner (defer cancel(), or in a deferred closure).
func cancelDeferred(info *types.Info, flow freshFlow, owner inspector.Cursor) bool {
	for dc := range owner.Preorder((*ast.DeferStmt)(nil)) {
		found := false
		ast.Inspect(dc.Node(), func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && len(call.Args) == 0 && flow.cancels[match.Var(info, call.Fun)] {
				found = true
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}
