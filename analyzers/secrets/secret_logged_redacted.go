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

// redactedHeaderCopy reports whether arg is a local http.Header variable
// in which every credential header that could be in it (redactionsNeeded)
// is overwritten with a constant (h.Set("Authorization", "[censored]")) or
// deleted (h.Del) on every path to the log: by a statement that precedes
// the log in a block enclosing it, or by an `if h.Get(K) != ""` around the
// overwrite, which skips only a header that is not there. A later
// assignment to the variable, or a later write of the header that is not
// a constant, undoes the redaction.
func (lc *loggedChecker) redactedHeaderCopy(arg ast.Expr) bool {
	id, ok := ast.Unparen(arg).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := lc.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.IsField() || v.Parent() == lc.Pkg.Scope() || !match.IsNamed(v.Type(), "net/http", "Header") {
		return false
	}
	c, ok := match.CursorOf(lc.Inspector.Root(), id)
	if !ok {
		return false
	}
	redacted := map[string]token.Pos{} // canonical header key -> where it is redacted
	for cur := c; cur.Node() != nil; cur = cur.Parent() {
		if _, isFunc := cur.Node().(*ast.FuncLit); isFunc {
			break
		}
		if _, isFunc := cur.Node().(*ast.FuncDecl); isFunc {
			break
		}
		for _, st := range precedingStmts(cur) {
			lc.recordRedactions(v, st, redacted)
		}
	}
	for key := range lc.redactionsNeeded() {
		at, ok := redacted[key]
		if !ok || lc.rewrittenBetween(v, key, at, id.Pos()) {
			return false
		}
	}
	return true
}

// precedingStmts returns the statements before the one at c in the block
// or case clause that holds it (nil when c is not such a statement).
func precedingStmts(c inspector.Cursor) []ast.Stmt {
	k, i := c.ParentEdge()
	switch k {
	case edge.BlockStmt_List:
		return c.Parent().Node().(*ast.BlockStmt).List[:i]
	case edge.CaseClause_Body:
		return c.Parent().Node().(*ast.CaseClause).Body[:i]
	case edge.CommClause_Body:
		return c.Parent().Node().(*ast.CommClause).Body[:i]
	}
	return nil
}

// recordRedactions records in out the headers that st redacts in v on
// every path through it: a redacting write as a statement, redacting
// writes in the body of an else-less `if v.Get(K) != ""` on the same key,
// or a loop over constant header names that redacts each
// (rangeRedactions).
func (lc *loggedChecker) recordRedactions(v *types.Var, st ast.Stmt, out map[string]token.Pos) {
	switch st := st.(type) {
	case *ast.ExprStmt:
		if call, ok := ast.Unparen(st.X).(*ast.CallExpr); ok {
			if key, ok := lc.redactingWrite(v, call); ok {
				out[key] = call.Pos()
			}
		}
	case *ast.RangeStmt:
		for _, key := range lc.rangeRedactions(v, st) {
			out[key] = st.Pos()
		}
	case *ast.IfStmt:
		if st.Init != nil || st.Else != nil {
			return
		}
		present, ok := lc.presenceCheck(v, st.Cond)
		if !ok {
			return
		}
		for _, inner := range st.Body.List {
			if es, ok := inner.(*ast.ExprStmt); ok {
				if call, ok := ast.Unparen(es.X).(*ast.CallExpr); ok {
					if key, ok := lc.redactingWrite(v, call); ok && key == present {
						out[key] = call.Pos()
					}
				}
			}
		}
	}
}

// redactingWrite returns the header key of call when it is v.Set(K, c)
// with constants K and c, or v.Del(K) with a constant K.
func (lc *loggedChecker) redactingWrite(v *types.Var, call *ast.CallExpr) (string, bool) {
	key, ok := lc.headerMethodCall(v, call, "Set", "Del")
	if !ok {
		return "", false
	}
	if len(call.Args) == 2 && match.ConstValue(lc.TypesInfo, call.Args[1]) == nil {
		return "", false // Set to a value computed at run time
	}
	return key, true
}

// headerMethodCall returns the canonical constant key of call when it
// calls one of the named http.Header methods on v.
func (lc *loggedChecker) headerMethodCall(v *types.Var, call *ast.CallExpr, names ...string) (string, bool) {
	if !lc.onHeader(v, call, names...) {
		return "", false
	}
	key, ok := match.ConstString(lc.TypesInfo, call.Args[0])
	if !ok {
		return "", false
	}
	return textproto.CanonicalMIMEHeaderKey(key), true
}

// onHeader reports whether call calls one of the named http.Header
// methods, with at least one argument, on the variable v.
func (lc *loggedChecker) onHeader(v *types.Var, call *ast.CallExpr, names ...string) bool {
	if !match.IsMethodCall(lc.TypesInfo, call, "net/http", "Header", names...) || len(call.Args) == 0 {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	return ok && match.Var(lc.TypesInfo, sel.X) == v
}

// presenceCheck returns the key K when cond is v.Get(K) != "" (either way
// round).
func (lc *loggedChecker) presenceCheck(v *types.Var, cond ast.Expr) (string, bool) {
	call, op, ok := lc.comparedWithEmpty(cond)
	if !ok || op != token.NEQ {
		return "", false
	}
	return lc.headerMethodCall(v, call, "Get")
}

// comparedWithEmpty returns the call compared with "" by == or != in cond
// (either way round), and the operator.
func (lc *loggedChecker) comparedWithEmpty(cond ast.Expr) (*ast.CallExpr, token.Token, bool) {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.EQL && b.Op != token.NEQ {
		return nil, 0, false
	}
	x, y := b.X, b.Y
	if match.ConstValue(lc.TypesInfo, x) != nil {
		x, y = y, x
	}
	if s, isStr := match.ConstString(lc.TypesInfo, y); !isStr || s != "" {
		return nil, 0, false
	}
	call, ok := ast.Unparen(x).(*ast.CallExpr)
	return call, b.Op, ok
}

// rewrittenBetween reports whether, between the redaction at from and the
// log at to, v is assigned again, or key is written to it with Set or Add
// of a value that is not a constant.
func (lc *loggedChecker) rewrittenBetween(v *types.Var, key string, from, to token.Pos) bool {
	for _, a := range lc.Index.Assignments(v) {
		if p := a.Target.Node().Pos(); p > from && p < to {
			return true
		}
	}
	for _, u := range lc.Index.Uses(v) {
		if p := u.Node().Pos(); p <= from || p >= to {
			continue
		}
		if u.ParentEdgeKind() == edge.IndexExpr_X {
			if k, _ := u.Parent().ParentEdge(); k == edge.AssignStmt_Lhs {
				return true // v[K] = ...
			}
		}
		if u.ParentEdgeKind() != edge.SelectorExpr_X || u.Parent().ParentEdgeKind() != edge.CallExpr_Fun {
			continue
		}
		call := u.Parent().Parent().Node().(*ast.CallExpr)
		if k, ok := lc.headerMethodCall(v, call, "Set", "Add"); ok && k == key {
			if _, redacting := lc.redactingWrite(v, call); !redacting || match.IsMethodCall(lc.TypesInfo, call, "net/http", "Header", "Add") {
				return true
			}
		}
	}
	return false
}

// redactionsNeeded returns the credential headers a redacted copy must
// overwrite: Authorization, which every authenticating client sets, and
// every other credential header the package writes on a header (Set or
// Add with a constant key), Cookie when it adds cookies to a request or
// gives a client a cookie Jar.
func (lc *loggedChecker) redactionsNeeded() map[string]bool {
	if lc.needed != nil {
		return lc.needed
	}
	lc.needed = map[string]bool{"Authorization": true}
	for c := range lc.Index.Calls() {
		call := c.Node().(*ast.CallExpr)
		fn := match.Callee(lc.TypesInfo, call)
		switch {
		case match.IsMethod(fn, "net/http", "Header", "Set", "Add") && len(call.Args) == 2:
			if key, ok := match.ConstString(lc.TypesInfo, call.Args[0]); ok && credentialHeaders[textproto.CanonicalMIMEHeaderKey(key)] {
				lc.needed[textproto.CanonicalMIMEHeaderKey(key)] = true
			}
		case match.IsMethod(fn, "net/http", "Request", "AddCookie"):
			lc.needed["Cookie"] = true
		}
	}
	for _, obj := range lc.TypesInfo.Uses {
		if f, ok := obj.(*types.Var); ok && match.IsFieldOf(f, "net/http", "Client", "Jar") {
			lc.needed["Cookie"] = true
		}
	}
	return lc.needed
}
