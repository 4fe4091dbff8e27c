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

// afterHijack reports whether, in the function around c (the one whose
// request or ctx is in scope, so also from a function literal it starts),
// a call takes over the request's connection before c: the server then
// stops watching the connection, and the request's context ends only when
// the handler returns. A fresh root there cuts nothing from the client,
// and passing the request's context would cut work meant to outlive the
// handler (a goroutine serving the hijacked connection).
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
