package sqlsum

import (
	"go/ast"
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// sqlPath is the import path of database/sql.
const sqlPath = "database/sql"

// IsDB reports whether t is *sql.DB.
func IsDB(t types.Type) bool { return t != nil && match.IsPointerTo(t, sqlPath, "DB") }

// dbResult returns the index of the only *sql.DB result of sig, or -1.
func dbResult(sig *types.Signature) int {
	at := -1
	for i := 0; i < sig.Results().Len(); i++ {
		if IsDB(sig.Results().At(i).Type()) {
			if at >= 0 {
				return -1
			}
			at = i
		}
	}
	return at
}

// isSetMaxOpen reports whether call is db.SetMaxOpenConns(n) with n a
// limit: SetMaxOpenConns(0), or any constant below one, means "no limit"
// and limits nothing.
func isSetMaxOpen(info *types.Info, call *ast.CallExpr) bool {
	return match.IsMethodCall(info, call, sqlPath, "DB", "SetMaxOpenConns") && !UnlimitedMaxOpen(info, call)
}

// UnlimitedMaxOpen reports whether call, a SetMaxOpenConns call, passes a
// constant below one, which database/sql reads as "no limit".
func UnlimitedMaxOpen(info *types.Info, call *ast.CallExpr) bool {
	if len(call.Args) != 1 {
		return false
	}
	tv, ok := info.Types[call.Args[0]]
	if !ok || tv.Value == nil {
		return false
	}
	n, exact := constant.Int64Val(constant.ToInt(tv.Value))
	return exact && n <= 0
}

// findLimitedFields returns the fields of the package's types that
// SetMaxOpenConns is called on somewhere in the package (s.db.SetMaxOpenConns).
func (s *summarizer) findLimitedFields() map[*types.Var]bool {
	out := map[*types.Var]bool{}
	for c := range s.idx.Calls() {
		call := c.Node().(*ast.CallExpr)
		if !isSetMaxOpen(s.info, call) {
			continue
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		if f := match.FieldSelection(s.info, sel.X); f != nil && f.Pkg() == s.pkg {
			out[f.Origin()] = true
		}
	}
	return out
}

// opened classifies an expression that yields a *sql.DB: a call of
// sql.Open/OpenDB (fresh, not limited) or of a function with a pool
// summary. ok is false for anything else.
func (s *summarizer) opened(e ast.Expr) (fresh, limited, ok bool) {
	call, isCall := ast.Unparen(e).(*ast.CallExpr)
	if !isCall {
		return false, false, false
	}
	if match.IsCallTo(s.info, call, sqlPath, "Open", "OpenDB") {
		return true, false, true
	}
	if f := s.res.Func(match.Callee(s.info, call)); f != nil && f.Pool {
		return f.Fresh, f.Limited, true
	}
	return false, false, false
}

// poolSummary: the function returns, on every path that returns a non-nil
// *sql.DB, a pool it opens (or a local variable defined only from such a
// call), and the pool does not otherwise leave the function.
func (s *summarizer) poolSummary(d decl, f *Func) {
	sig := d.fn.Signature()
	at := dbResult(sig)
	if at < 0 {
		return
	}
	fresh, limited, any := true, false, false
	ok := true
	inBody(d.cur, func(c inspector.Cursor) bool {
		ret := c.Node().(*ast.ReturnStmt)
		var e ast.Expr
		switch {
		case len(ret.Results) == sig.Results().Len():
			e = ret.Results[at]
		case len(ret.Results) == 1: // return open(dsn)
			e = ret.Results[0]
		default:
			ok = false // a bare return of named results
			return false
		}
		if match.IsNil(s.info, e) {
			return true
		}
		fr, lim, known := s.opened(e)
		if !known {
			fr, lim, known = s.localPool(d, e)
		}
		if !known {
			ok = false
			return false
		}
		any = true
		fresh = fresh && fr
		limited = limited || lim
		return true
	}, (*ast.ReturnStmt)(nil))
	if ok && any {
		f.Pool, f.Fresh, f.Limited = true, fresh, limited
	}
}

// localPool classifies a returned local variable: every value it is given
// in the function is an opened pool, and its other uses are method calls,
// comparisons, returns, and calls of functions whose summary says they
// limit or keep it. limited is set when one of them limits it.
func (s *summarizer) localPool(d decl, e ast.Expr) (fresh, limited, ok bool) {
	id, isIdent := ast.Unparen(e).(*ast.Ident)
	if !isIdent {
		return false, false, false
	}
	v, isVar := s.info.Uses[id].(*types.Var)
	if !isVar || v.Parent() == v.Pkg().Scope() || !match.DeclaredIn(v, d.fd) || match.IsParamOrResult(d.fn.Signature(), v) {
		return false, false, false
	}
	fresh = true
	assigned := false
	for _, a := range s.idx.Assignments(v) {
		if a.Value == nil {
			continue // var db *sql.DB
		}
		fr, lim, known := s.opened(a.Value)
		if !known {
			return false, false, false
		}
		assigned = true
		fresh = fresh && fr
		limited = limited || lim
	}
	if !assigned {
		return false, false, false
	}
	lim, known := s.usesOf(d, v, true)
	if !known {
		return false, false, false
	}
	return fresh, limited || lim, true
}

// paramSummary fills Limits and Keeps for the *sql.DB parameters.
func (s *summarizer) paramSummary(d decl, f *Func) {
	params := d.fn.Signature().Params()
	for i := 0; i < params.Len(); i++ {
		p := params.At(i)
		if !IsDB(p.Type()) {
			continue
		}
		limits, known := s.usesOf(d, p, false)
		switch {
		case limits:
			f.Limits = append(f.Limits, i)
		case known:
			f.Keeps = append(f.Keeps, i)
		}
	}
}

// usesOf follows the uses of a *sql.DB variable in the function: limits
// is set when one limits it; known is false when one takes it out of
// sight (a closure, a store other than into a field of the package, a
// function with no summary). A return is allowed when returned is set.
func (s *summarizer) usesOf(d decl, v *types.Var, returned bool) (limits, known bool) {
	for _, use := range s.idx.UsesIn(d.cur, v) {
		if inner, _, _ := match.EnclosingFunc(s.info, use); inner.Node() != d.fd {
			return false, false // captured by a function literal
		}
		c := match.Unparen(use)
		kind, idx := c.ParentEdge()
		switch kind {
		case edge.SelectorExpr_X:
			sel := c.Parent()
			if sel.ParentEdgeKind() != edge.CallExpr_Fun || sel.Parent().ParentEdgeKind() == edge.GoStmt_Call {
				return false, false // a method value, or a query in a goroutine
			}
			if isSetMaxOpen(s.info, sel.Parent().Node().(*ast.CallExpr)) {
				limits = true
			}
		case edge.AssignStmt_Lhs, edge.BinaryExpr_X, edge.BinaryExpr_Y:
			// assigned (checked by the caller), compared with nil
		case edge.ReturnStmt_Results:
			if !returned {
				return false, false
			}
		case edge.CallExpr_Args:
			call := c.Parent().Node().(*ast.CallExpr)
			g := s.res.Func(match.Callee(s.info, call))
			switch {
			case g == nil || call.Ellipsis.IsValid():
				return false, false
			case containsInt(g.Limits, idx):
				limits = true
			case !containsInt(g.Keeps, idx):
				return false, false
			}
		case edge.AssignStmt_Rhs, edge.KeyValueExpr_Value:
			field := storedField(s.info, c)
			if field == nil || field.Pkg() != s.pkg || field.Exported() {
				return false, false // a variable, or a field others may configure
			}
			switch {
			case s.limitedFields[field.Origin()]:
				limits = true
			case !s.fieldKept(field):
				return false, false
			}
		default:
			return false, false
		}
	}
	return limits, true
}

// storedField returns the field an assignment (x.f = v) or a composite
// literal key (T{f: v}) stores the value at c into, or nil.
func storedField(info *types.Info, c inspector.Cursor) *types.Var {
	kind, idx := c.ParentEdge()
	switch parent := c.Parent().Node().(type) {
	case *ast.AssignStmt:
		if kind == edge.AssignStmt_Rhs && len(parent.Lhs) == len(parent.Rhs) {
			return match.FieldSelection(info, parent.Lhs[idx])
		}
	case *ast.KeyValueExpr:
		if key, ok := parent.Key.(*ast.Ident); ok {
			if f, ok := info.Uses[key].(*types.Var); ok && f.IsField() {
				return f
			}
		}
	}
	return nil
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// fieldKept reports whether every use of a field of the package is seen
// to keep the pool there: the receiver of a method call (not in a go
// statement), a store into it, a comparison. A field read for anything
// else (returned, passed on) may be limited out of sight.
func (s *summarizer) fieldKept(field *types.Var) bool {
	for _, use := range s.idx.Uses(field.Origin()) {
		c := match.Unparen(use)
		if c.ParentEdgeKind() == edge.SelectorExpr_Sel {
			c = match.Unparen(c.Parent())
		}
		switch c.ParentEdgeKind() {
		case edge.SelectorExpr_X:
			sel := c.Parent()
			if sel.ParentEdgeKind() != edge.CallExpr_Fun || sel.Parent().ParentEdgeKind() == edge.GoStmt_Call {
				return false
			}
		case edge.AssignStmt_Lhs, edge.BinaryExpr_X, edge.BinaryExpr_Y, edge.KeyValueExpr_Key:
		default:
			return false
		}
	}
	return true
}
