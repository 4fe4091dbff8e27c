package ctxcheck

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// hijackers take over a server request's connection. Once they have, the
// server stops watching the connection, and the request's context no
// longer ends when the client goes away: only when the handler returns.
var hijackers = []struct{ pkg, typ, name string }{
	{"net/http", "Hijacker", "Hijack"},
	{"net/http", "ResponseController", "Hijack"},
	{"github.com/gorilla/websocket", "Upgrader", "Upgrade"},
	{"github.com/coder/websocket", "", "Accept"},
	{"nhooyr.io/websocket", "", "Accept"},
	{"golang.org/x/net/websocket", "Server", "ServeHTTP"},
}

func isHijack(fn *types.Func) bool {
	for _, h := range hijackers {
		if h.typ == "" && match.IsFunc(fn, h.pkg, h.name) || h.typ != "" && match.IsMethod(fn, h.pkg, h.typ, h.name) {
			return true
		}
	}
	return false
}

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
