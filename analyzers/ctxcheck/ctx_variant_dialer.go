package ctxcheck

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// boundedDialer reports whether call is a Dial method whose receiver is a
// dialer that carries its own timeout: a composite literal, or a local
// variable initialized from one, with a non-zero ...Timeout field, a
// variable given such a field later (d.Timeout = 5 * time.Second), or a
// copy of a preconfigured package-level dialer of the dialer type's own
// package (a library's default dialer, whose timeouts it sets). The dial
// ends by that bound.
func boundedDialer(info *types.Info, call *ast.CallExpr, fn *types.Func, owner inspector.Cursor) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || fn.Signature().Recv() == nil || !strings.HasPrefix(fn.Name(), "Dial") || !hasTimeoutField(fn) {
		return false
	}
	x := ast.Unparen(sel.X)
	if timedLiteral(info, x) {
		return true
	}
	v := match.Var(info, x)
	if v == nil || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return false
	}
	for n := range owner.Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
		lhs, rhs, _ := assignment(n.Node())
		if len(lhs) != len(rhs) {
			continue
		}
		for i, l := range lhs {
			switch l := ast.Unparen(l).(type) {
			case *ast.Ident:
				if info.ObjectOf(l) == v && (timedLiteral(info, rhs[i]) || packageDefault(info, rhs[i], fn)) {
					return true
				}
			case *ast.SelectorExpr:
				if match.Var(info, l.X) == v && strings.HasSuffix(l.Sel.Name, "Timeout") && !match.IsZeroConst(info, rhs[i]) {
					return true
				}
			}
		}
	}
	return false
}

// hasTimeoutField reports whether the receiver type of fn is a struct with
// a time.Duration field whose name ends in Timeout.
func hasTimeoutField(fn *types.Func) bool {
	t := fn.Signature().Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for f := range st.Fields() {
		if strings.HasSuffix(f.Name(), "Timeout") && match.IsNamed(f.Type(), "time", "Duration") {
			return true
		}
	}
	return false
}

// timedLiteral reports whether e is T{...} or &T{...} with a non-zero
// ...Timeout field.
func timedLiteral(info *types.Info, e ast.Expr) bool {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return false
	}
	for _, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if k, ok := kv.Key.(*ast.Ident); ok && strings.HasSuffix(k.Name, "Timeout") && !match.IsZeroConst(info, kv.Value) {
				return true
			}
		}
	}
	return false
}

// packageDefault reports whether e is a package-level variable (or its
// dereference) declared in the package of fn's receiver type: the
// library's own preconfigured dialer.
func packageDefault(info *types.Info, e ast.Expr, fn *types.Func) bool {
	e = ast.Unparen(e)
	if s, ok := e.(*ast.StarExpr); ok {
		e = ast.Unparen(s.X)
	}
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	v, ok := info.ObjectOf(sel.Sel).(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg() == fn.Pkg() && v.Parent() == v.Pkg().Scope()
}
