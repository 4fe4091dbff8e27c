package server

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/apis"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// oneRequestQuiet is the safe form of a server that stops after the first
// request it answers.
var oneRequestQuiet = []rule.QuietForm[serverLit]{
	{
		Name: "stops-after-first-request",
		Doc: "An http.Server literal in a local variable whose function shuts it down (srv.Shutdown or srv.Close, in a " +
			"function literal of the same function, after a receive from a local channel: go func() { <-done; " +
			"srv.Shutdown(ctx) }()) when a handler literal of that function closes the channel on every call (close(done) " +
			"or defer close(done) as a statement of its body, or close(done) in a closure it defers): a one-shot listener such as the redirect of a " +
			"command-line login, which stops as soon as the browser calls it back (a second close would panic, so the " +
			"handler can only answer once). A server shut down on a signal, a context or a channel its handlers close " +
			"only on some paths is still reported.",
		Applies: func(s serverLit) bool { return stopsAfterFirstRequest(s.p, s.sl) },
	},
}

// stopsAfterFirstRequest reports whether the server in the local variable
// sl.key is shut down, in its own function, once a channel is closed that
// a handler literal of that function closes on every call.
func stopsAfterFirstRequest(p *rule.Pass, sl serverLiteral) bool {
	srv, ok := sl.key.(*types.Var)
	if !ok || srv.IsField() {
		return false
	}
	def, ok := p.Index.Def(srv)
	if !ok {
		return false
	}
	fn := match.OutermostFunc(def)
	if !fn.Valid() {
		return false
	}
	for _, use := range p.Index.UsesIn(fn, srv) {
		call, ok := serverMethodCall(p.TypesInfo, use, "Shutdown", "Close")
		if !ok {
			continue
		}
		if done := receivedBefore(p.TypesInfo, fn, call); done != nil && closedByEveryHandlerCall(p, fn, done) {
			return true
		}
	}
	return false
}

// serverMethodCall returns the cursor of the call srv.M(...) when the use
// of the server variable at use is its receiver and M is one of the
// http.Server methods named.
func serverMethodCall(info *types.Info, use inspector.Cursor, methods ...string) (inspector.Cursor, bool) {
	if use.ParentEdgeKind() != edge.SelectorExpr_X || use.Parent().ParentEdgeKind() != edge.CallExpr_Fun {
		return inspector.Cursor{}, false
	}
	call := use.Parent().Parent()
	if !match.IsMethodCall(info, call.Node().(*ast.CallExpr), "net/http", "Server", methods...) {
		return inspector.Cursor{}, false
	}
	return call, true
}

// receivedBefore returns the channel, local to fn, that a statement of the
// function literal holding call receives from (<-done as a statement)
// before the statement holding call, or nil.
func receivedBefore(info *types.Info, fn, call inspector.Cursor) *types.Var {
	stmt := call
	for stmt.Valid() && stmt.ParentEdgeKind() != edge.BlockStmt_List {
		stmt = stmt.Parent()
	}
	if !stmt.Valid() || stmt.Parent().ParentEdgeKind() != edge.FuncLit_Body {
		return nil
	}
	for prev, ok := stmt.PrevSibling(); ok; prev, ok = prev.PrevSibling() {
		es, ok := prev.Node().(*ast.ExprStmt)
		if !ok {
			continue
		}
		if recv, ok := ast.Unparen(es.X).(*ast.UnaryExpr); ok && recv.Op == token.ARROW {
			v, ok := match.ObjectOf(info, recv.X).(*types.Var)
			if ok && !v.IsField() && v.Pos() > fn.Node().Pos() && v.Pos() < fn.Node().End() {
				return v
			}
		}
	}
	return nil
}

// closedByEveryHandlerCall reports whether a handler literal inside fn
// closes done on every call: close(done) or defer close(done) as a
// statement of its body, or close(done) as a statement of a function
// literal its body defers.
func closedByEveryHandlerCall(p *rule.Pass, fn inspector.Cursor, done *types.Var) bool {
	info := p.TypesInfo
	for lit := range fn.Preorder((*ast.FuncLit)(nil)) {
		sig := match.Signature(info, lit.Node())
		if sig == nil || !apis.IsHTTPHandler(sig) {
			continue
		}
		for _, st := range lit.Node().(*ast.FuncLit).Body.List {
			switch st := st.(type) {
			case *ast.ExprStmt:
				if call, ok := ast.Unparen(st.X).(*ast.CallExpr); ok && closes(info, call, done) {
					return true
				}
			case *ast.DeferStmt:
				if closes(info, st.Call, done) {
					return true
				}
				if dl, ok := ast.Unparen(st.Call.Fun).(*ast.FuncLit); ok && len(st.Call.Args) == 0 {
					for _, inner := range dl.Body.List {
						if es, ok := inner.(*ast.ExprStmt); ok {
							if call, ok := ast.Unparen(es.X).(*ast.CallExpr); ok && closes(info, call, done) {
								return true
							}
						}
					}
				}
			}
		}
	}
	return false
}

// closes reports whether call is close(done).
func closes(info *types.Info, call *ast.CallExpr, done *types.Var) bool {
	return match.IsBuiltin(info, call.Fun, "close") && len(call.Args) == 1 && match.ObjectOf(info, call.Args[0]) == done
}
