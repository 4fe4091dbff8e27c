package httpsum

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/apis"
	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// returnsResponse reports whether a function whose results are exactly
// (*http.Response, error) hands its caller, on success, the response of
// a send with the body still open: every return that gives the response
// a value (not a failure, see returnsFailure, and not nil with an error
// that is not the nil literal) returns a send's call itself, or a local
// variable only ever assigned the response of one, and the function
// touches that variable's body, or hands the variable on, only inside a
// block that returns an error (the close of an error path). A function
// that closes or reads the body on its success path, assigns it, or
// stores or passes the response anywhere may have consumed it: unknown.
func (s *summarizer) returnsResponse(sig *types.Signature, decl inspector.Cursor, of func(*types.Func) (Func, bool)) bool {
	if sig.Results().Len() != 2 || !match.IsPointerTo(sig.Results().At(0).Type(), "net/http", "Response") ||
		!types.Identical(sig.Results().At(1).Type(), types.Universe.Lookup("error").Type()) {
		return false
	}
	vars := map[*types.Var]bool{}
	seen := false
	for c := range decl.Preorder((*ast.ReturnStmt)(nil)) {
		ret := c.Node().(*ast.ReturnStmt)
		if match.InFuncLitUnder(c, decl) {
			continue
		}
		switch len(ret.Results) {
		case 1: // return client.Do(req)
			call, ok := ast.Unparen(ret.Results[0]).(*ast.CallExpr)
			if !ok || !s.sendsResponse(call, of) {
				return false
			}
			seen = true
		case 2:
			if returnsFailure(s.info, c, ret) {
				continue
			}
			if match.IsNil(s.info, ret.Results[0]) {
				if match.IsNil(s.info, ret.Results[1]) {
					return false // (nil, nil): success without a response
				}
				continue // no response to close, an error to report
			}
			v := match.Var(s.info, ret.Results[0])
			if v == nil || v.Kind() != types.LocalVar || !s.onlySendResponses(v, of) {
				return false
			}
			vars[v] = true
			seen = true
		default:
			return false // a bare return of named results
		}
	}
	if !seen {
		return false
	}
	for v := range vars {
		for _, use := range s.idx.UsesIn(decl, v) {
			if !s.leavesBodyOpen(use, decl) {
				return false
			}
		}
	}
	return true
}

// sendsResponse reports whether call sends a request and returns its
// response: an HTTP send of the API tables, or a function whose summary
// says it returns one with the body open.
func (s *summarizer) sendsResponse(call *ast.CallExpr, of func(*types.Func) (Func, bool)) bool {
	callee := match.Callee(s.info, call)
	if callee == nil {
		return false
	}
	if apis.IsHTTPSend(callee) {
		return true
	}
	cs, known := of(callee)
	return known && cs.ReturnsResponse
}

// onlySendResponses reports whether every value the local variable v is
// given is the response, first result, of a send (sendsResponse).
func (s *summarizer) onlySendResponses(v *types.Var, of func(*types.Func) (Func, bool)) bool {
	as := s.idx.Assignments(v)
	for _, a := range as {
		if a.Value == nil || !a.Multi || a.Result != 0 || a.Tok != token.DEFINE && a.Tok != token.ASSIGN && a.Tok != token.VAR {
			return false
		}
		call, ok := ast.Unparen(a.Value).(*ast.CallExpr)
		if !ok || !s.sendsResponse(call, of) {
			return false
		}
	}
	return len(as) > 0
}

// leavesBodyOpen reports whether the use at c of a response variable of
// the function at decl leaves its body as the send gave it: it is
// assigned (the assignment is judged by onlySendResponses), returned as
// the response, compared with nil, or a field other than Body is read;
// or it lies in a block that returns an error, where the body may be
// read, closed or handed on since the caller gets the error. A use in a
// function literal (a deferred closure) may run on any path: unknown.
func (s *summarizer) leavesBodyOpen(c, decl inspector.Cursor) bool {
	if match.InFuncLitUnder(c, decl) {
		return false
	}
	if s.inErrorBlock(c, decl) {
		return true
	}
	c = match.Unparen(c)
	switch c.ParentEdgeKind() {
	case edge.AssignStmt_Lhs:
		return true
	case edge.ReturnStmt_Results:
		return c.ParentEdgeIndex() == 0
	case edge.BinaryExpr_X, edge.BinaryExpr_Y:
		bin := c.Parent().Node().(*ast.BinaryExpr)
		return (bin.Op == token.EQL || bin.Op == token.NEQ) && (match.IsNil(s.info, bin.X) || match.IsNil(s.info, bin.Y))
	case edge.SelectorExpr_X:
		f := match.FieldSelection(s.info, c.Parent().Node().(*ast.SelectorExpr))
		if f == nil || match.IsFieldOf(f, "net/http", "Response", "Body") {
			return false
		}
		switch match.Unparen(c.Parent()).ParentEdgeKind() {
		case edge.AssignStmt_Lhs, edge.UnaryExpr_X, edge.IncDecStmt_X:
			return false // resp.Header = …, &resp.Request: changed or shared
		}
		return true
	}
	return false
}

// inErrorBlock reports whether c lies, inside decl and outside function
// literals, in a nested block that ends in a return of an error: a
// failure (returnsFailure) or an error a call makes (return resp,
// errorOf(resp)). That is the error path of an if (resp.Body.Close();
// return nil, fmt.Errorf(...)), whose caller receives the error.
func (s *summarizer) inErrorBlock(c, decl inspector.Cursor) bool {
	for p := c.Parent(); p.Valid() && p != decl; p = p.Parent() {
		switch p.Node().(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
		case *ast.FuncLit:
			return false
		default:
			continue
		}
		list := match.StmtList(p.Node())
		if p.Parent() == decl || len(list) == 0 {
			return false // the function's own body
		}
		ret, ok := list[len(list)-1].(*ast.ReturnStmt)
		if !ok || len(ret.Results) != 2 {
			continue
		}
		if _, call := ast.Unparen(ret.Results[1]).(*ast.CallExpr); call || returnsFailure(s.info, p.Child(ret), ret) {
			return true
		}
	}
	return false
}
