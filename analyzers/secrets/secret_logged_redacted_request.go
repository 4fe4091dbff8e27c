package secrets

import (
	"go/ast"
	"go/token"
	"go/types"
	"net/textproto"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// redactedRequest reports whether e, the request an httputil dump is made
// of, is a call of a function of the package that returns a censored copy
// of a request: every return in its body returns &x, x a local
// http.Request (a copy, newReq := *req), whose Header the body sets once,
// unconditionally, to a local http.Header that is a redacted copy
// (redactedHeaderCopy) at that assignment, with neither x nor the header
// used after it but by the returns.
func (lc *loggedChecker) redactedRequest(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	decl, ok := lc.Index.FuncDecl(match.Callee(lc.TypesInfo, call))
	if !ok {
		return false
	}
	body := decl.Node().(*ast.FuncDecl).Body
	var copied *types.Var
	var returns []*ast.ReturnStmt
	for c := range decl.Preorder((*ast.ReturnStmt)(nil)) {
		ret := c.Node().(*ast.ReturnStmt)
		if match.InFuncLitUnder(c, decl) {
			continue
		}
		v := addressedRequest(lc.TypesInfo, ret)
		if v == nil || copied != nil && v != copied {
			return false
		}
		copied = v
		returns = append(returns, ret)
	}
	if copied == nil {
		return false
	}
	set, header, ok := lc.headerSetOnce(copied, body)
	if !ok || !lc.redactedHeaderCopy(header) {
		return false
	}
	for _, use := range lc.Index.Uses(lc.localVar(header)) {
		if use.Node().Pos() > set.End() {
			return false // written again after it was censored
		}
	}
	for _, use := range lc.Index.Uses(copied) {
		if use.Node().Pos() > set.End() && !inReturn(use, returns) {
			return false
		}
	}
	return true
}

// addressedRequest returns x when ret returns exactly &x for a local
// variable x of type http.Request.
func addressedRequest(info *types.Info, ret *ast.ReturnStmt) *types.Var {
	if len(ret.Results) != 1 {
		return nil
	}
	u, ok := ast.Unparen(ret.Results[0]).(*ast.UnaryExpr)
	if !ok || u.Op != token.AND {
		return nil
	}
	v := match.Var(info, u.X)
	if v == nil || v.IsField() || v.Parent() == v.Pkg().Scope() || !match.IsNamed(v.Type(), "net/http", "Request") {
		return nil
	}
	return v
}

// headerSetOnce returns the statement of body's own list that sets
// x.Header to a local variable, and that variable, when it is the only
// use of x's Header anywhere in the function (no x.Header.Set, no alias).
func (lc *loggedChecker) headerSetOnce(x *types.Var, body *ast.BlockStmt) (*ast.AssignStmt, *ast.Ident, bool) {
	var set *ast.AssignStmt
	var header *ast.Ident
	for _, use := range lc.Index.Uses(x) {
		if use.ParentEdgeKind() != edge.SelectorExpr_X || use.Parent().Node().(*ast.SelectorExpr).Sel.Name != "Header" {
			continue
		}
		sel := use.Parent()
		as, ok := sel.Parent().Node().(*ast.AssignStmt)
		if !ok || sel.ParentEdgeKind() != edge.AssignStmt_Lhs {
			return nil, nil, false // x.Header.Set(...), x.Header[k] = v, h := x.Header: maybe written in place
		}
		if set != nil || len(as.Lhs) != 1 || len(as.Rhs) != 1 || !inList(body.List, as) {
			return nil, nil, false
		}
		id, ok := ast.Unparen(as.Rhs[0]).(*ast.Ident)
		if !ok {
			return nil, nil, false
		}
		set, header = as, id
	}
	return set, header, set != nil
}

func inList(list []ast.Stmt, st ast.Stmt) bool {
	for _, s := range list {
		if s == st {
			return true
		}
	}
	return false
}

func inReturn(use inspector.Cursor, returns []*ast.ReturnStmt) bool {
	for _, r := range returns {
		if r.Pos() <= use.Node().Pos() && use.Node().End() <= r.End() {
			return true
		}
	}
	return false
}

// rangeRedactions returns the header keys the loop censors in v on every
// path: a range over constant header names (a slice literal, or a local
// variable defined once as one) whose value variable k the body writes
// with v.Set(k, constant) or v.Del(k), unconditionally or under
// `if v.Get(k) != ""`, perhaps after `if v.Get(k) == "" { continue }`,
// which skips only a header that is not there.
func (lc *loggedChecker) rangeRedactions(v *types.Var, st *ast.RangeStmt) []string {
	keys := lc.constantStrings(st.X)
	if keys == nil || st.Key != nil && !match.IsBlank(st.Key) || st.Value == nil {
		return nil
	}
	id, ok := st.Value.(*ast.Ident)
	if !ok {
		return nil
	}
	k, ok := lc.TypesInfo.Defs[id].(*types.Var)
	if !ok || k == nil {
		return nil
	}
	writes := false
	for _, s := range st.Body.List {
		switch s := s.(type) {
		case *ast.ExprStmt:
			if !lc.keyedRedaction(v, k, s) {
				return nil
			}
			writes = true
		case *ast.IfStmt:
			if s.Init != nil || s.Else != nil || len(s.Body.List) != 1 {
				return nil
			}
			switch op, ok := lc.keyedGet(v, k, s.Cond); {
			case ok && op == token.EQL:
				if br, ok := s.Body.List[0].(*ast.BranchStmt); !ok || br.Tok != token.CONTINUE || br.Label != nil {
					return nil
				}
			case ok && op == token.NEQ:
				es, ok := s.Body.List[0].(*ast.ExprStmt)
				if !ok || !lc.keyedRedaction(v, k, es) {
					return nil
				}
				writes = true
			default:
				return nil
			}
		default:
			return nil
		}
	}
	if !writes {
		return nil
	}
	for i, key := range keys {
		keys[i] = textproto.CanonicalMIMEHeaderKey(key)
	}
	return keys
}

// keyedRedaction reports whether st is v.Set(k, constant) or v.Del(k).
func (lc *loggedChecker) keyedRedaction(v, k *types.Var, st *ast.ExprStmt) bool {
	call, ok := ast.Unparen(st.X).(*ast.CallExpr)
	if !ok || !lc.onHeader(v, call, "Set", "Del") || match.Var(lc.TypesInfo, call.Args[0]) != k {
		return false
	}
	return len(call.Args) == 1 || match.ConstValue(lc.TypesInfo, call.Args[1]) != nil
}

// keyedGet returns the operator when cond compares v.Get(k) with "" by
// == or !=.
func (lc *loggedChecker) keyedGet(v, k *types.Var, cond ast.Expr) (token.Token, bool) {
	call, op, ok := lc.comparedWithEmpty(cond)
	if !ok || !lc.onHeader(v, call, "Get") || match.Var(lc.TypesInfo, call.Args[0]) != k {
		return 0, false
	}
	return op, true
}

// constantStrings returns the elements of e when it is a composite
// literal of constant strings, directly or through a local variable
// defined once as one and never assigned again.
func (lc *loggedChecker) constantStrings(e ast.Expr) []string {
	e = ast.Unparen(e)
	if v := lc.localVar(e); v != nil {
		value, _, multi, ok := lc.Index.LocalValue(v)
		if !ok || multi {
			return nil
		}
		e = ast.Unparen(value)
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok || len(lit.Elts) == 0 {
		return nil
	}
	var out []string
	for _, elt := range lit.Elts {
		s, ok := match.ConstString(lc.TypesInfo, elt)
		if !ok {
			return nil
		}
		out = append(out, s)
	}
	return out
}
