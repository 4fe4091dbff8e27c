package httpsum

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/index"
	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// responseHeaders returns the ResponseHeader bits of a function: the
// http.Header results that every return giving them a value fills with
// a response's header. A bare return leaves every result unknown, and a
// named result that the body assigns or takes the address of is unknown
// (a deferred literal may overwrite it after the return).
func (s *summarizer) responseHeaders(sig *types.Signature, decl inspector.Cursor, of func(*types.Func) (Func, bool)) uint32 {
	var candidates uint32
	for i := range min(sig.Results().Len(), 32) {
		r := sig.Results().At(i)
		if match.IsNamed(r.Type(), "net/http", "Header") && !s.writtenNamedResult(r) {
			candidates |= 1 << i
		}
	}
	if candidates == 0 {
		return 0
	}
	var seen uint32
	for c := range decl.Preorder((*ast.ReturnStmt)(nil)) {
		ret := c.Node().(*ast.ReturnStmt)
		if match.InFuncLitUnder(c, decl) {
			continue
		}
		if call, ok := soleCall(ret); ok && sig.Results().Len() > 1 { // return find(c, url)
			sum, _ := of(match.Callee(s.info, call))
			candidates &= sum.ResponseHeader
			seen |= candidates
			continue
		}
		if len(ret.Results) != sig.Results().Len() {
			return 0
		}
		for i, e := range ret.Results {
			if candidates&(1<<i) == 0 || match.IsNil(s.info, e) {
				continue
			}
			if !responseHeader(s.info, s.idx, e, of, 0) {
				candidates &^= 1 << i
				continue
			}
			seen |= 1 << i
		}
	}
	return candidates & seen
}

// writtenNamedResult reports whether r is a named result that the body
// assigns or takes the address of.
func (s *summarizer) writtenNamedResult(r *types.Var) bool {
	if r.Name() == "" || r.Name() == "_" {
		return false
	}
	if len(s.idx.Assignments(r)) > 0 {
		return true
	}
	for _, use := range s.idx.Uses(r) {
		if use.ParentEdgeKind() == edge.UnaryExpr_X && use.Parent().Node().(*ast.UnaryExpr).Op == token.AND {
			return true
		}
	}
	return false
}

// soleCall returns the call a return statement hands on whole (return
// f(x)), if that is all it returns.
func soleCall(ret *ast.ReturnStmt) (*ast.CallExpr, bool) {
	if len(ret.Results) != 1 {
		return nil, false
	}
	call, ok := ast.Unparen(ret.Results[0]).(*ast.CallExpr)
	return call, ok
}

// ResponseHeader reports whether e is the Header of an *http.Response
// (see responseHeader), asking this result about the functions called.
func (r *Result) ResponseHeader(info *types.Info, idx *index.Index, e ast.Expr) bool {
	return responseHeader(info, idx, e, r.Of, 0)
}

// responseHeader reports whether e is the Header of an *http.Response:
// resp.Header, a result a function's summary says is one, or a local
// variable declared with one and never assigned again.
func responseHeader(info *types.Info, idx *index.Index, e ast.Expr, of func(*types.Func) (Func, bool), hops int) bool {
	if hops > maxHops {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		return match.IsFieldOf(match.FieldSelection(info, e), "net/http", "Response", "Header")
	case *ast.CallExpr:
		return resultIsResponseHeader(info, e, 0, of)
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok {
			return false
		}
		value, result, multi, ok := idx.LocalValue(v)
		if !ok {
			return false
		}
		if multi {
			call, isCall := value.(*ast.CallExpr)
			return isCall && resultIsResponseHeader(info, call, result, of)
		}
		return responseHeader(info, idx, value, of, hops+1)
	}
	return false
}

// resultIsResponseHeader reports whether result i of call is, by its
// callee's summary, a response's header.
func resultIsResponseHeader(info *types.Info, call *ast.CallExpr, i int, of func(*types.Func) (Func, bool)) bool {
	sum, known := of(match.Callee(info, call))
	return known && i < 32 && sum.ResponseHeader&(1<<i) != 0
}
