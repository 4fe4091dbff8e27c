package ctxcheck

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// doneIndex finds the code that runs once a context is known to be over:
// after a blocking `<-ctx.Done()`, in a `case <-ctx.Done():` clause, or in
// the body of `if ctx.Err() != nil`. There a fresh context (for a graceful
// shutdown, a rollback, a "cancelled" status write) is the point, and
// passing the dead ctx would make that cleanup fail at once.
type doneIndex struct {
	info    *types.Info
	in      *inspector.Inspector
	byOwner map[ast.Node][]doneSpan
}

// doneSpan is a stretch of source in which v is known to be done.
type doneSpan struct {
	v          *types.Var
	start, end token.Pos
}

func newDoneIndex(info *types.Info) *doneIndex {
	return &doneIndex{info: info, byOwner: map[ast.Node][]doneSpan{}}
}

// afterDone reports whether pos lies where src's context is known to be
// over. Each owner function is scanned once, on first use.
func (d *doneIndex) afterDone(src ctxSource, pos token.Pos) bool {
	if !src.owner.Valid() {
		return false
	}
	spans, ok := d.byOwner[src.owner.Node()]
	if !ok {
		spans = d.collect(src.owner)
		d.byOwner[src.owner.Node()] = spans
	}
	for _, s := range spans {
		if s.v == src.v && s.start <= pos && pos < s.end {
			return true
		}
	}
	return false
}

func (d *doneIndex) collect(owner inspector.Cursor) []doneSpan {
	d.in = owner.Inspector()
	var spans []doneSpan
	for c := range owner.Preorder((*ast.ExprStmt)(nil), (*ast.CommClause)(nil), (*ast.IfStmt)(nil)) {
		switch n := c.Node().(type) {
		case *ast.ExprStmt:
			// A statement `<-ctx.Done()` blocks until the context is over:
			// the rest of its block runs afterwards.
			// (A select case's own `<-ctx.Done()` is handled below.)
			if v := d.doneReceive(n.X); v != nil && c.ParentEdgeKind() != edge.CommClause_Comm {
				spans = append(spans, doneSpan{v, n.End(), c.Parent().Node().End()})
			}
		case *ast.CommClause:
			if v := d.commDone(n.Comm); v != nil {
				spans = append(spans, doneSpan{v, n.Colon, n.End()})
			}
		case *ast.IfStmt:
			v, live := d.errChecked(n)
			switch {
			case v == nil:
			case !live:
				spans = append(spans, doneSpan{v, n.Body.Pos(), n.Body.End()})
			default:
				// `if ctx.Err() == nil { ... }`: the else branch runs once
				// ctx is over, and so does the rest of the block when the
				// body always leaves it (`if ctx.Err() == nil { return ctx }`).
				if n.Else != nil {
					spans = append(spans, doneSpan{v, n.Else.Pos(), n.Else.End()})
				}
				if terminates(d.info, n.Body) {
					spans = append(spans, doneSpan{v, n.End(), c.Parent().Node().End()})
				}
			}
		}
	}
	return spans
}

// commDone returns the variable whose Done channel a select case receives
// from.
func (d *doneIndex) commDone(comm ast.Stmt) *types.Var {
	switch s := comm.(type) {
	case *ast.ExprStmt:
		return d.doneReceive(s.X)
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 {
			return d.doneReceive(s.Rhs[0])
		}
	}
	return nil
}

// doneReceive returns v when e is `<-v.Done()` (or `<-v.Context().Done()`
// for a request v).
func (d *doneIndex) doneReceive(e ast.Expr) *types.Var {
	u, ok := ast.Unparen(e).(*ast.UnaryExpr)
	if !ok || u.Op != token.ARROW {
		return nil
	}
	return d.ctxMethodReceiver(u.X, "Done")
}

// errChecked returns v when the if statement's init or condition calls
// v.Err() (or v.Context().Err()). live is true when the condition is
// exactly `v.Err() == nil` (or `err == nil` after `err := v.Err()`): then
// the body runs while the context is live and the else branch once it is
// over. Every other test of v.Err() (`!= nil`, errors.Is(v.Err(), ...))
// guards a body that runs once the context is over.
func (d *doneIndex) errChecked(s *ast.IfStmt) (v *types.Var, live bool) {
	if b, ok := ast.Unparen(s.Cond).(*ast.BinaryExpr); ok && b.Op == token.EQL {
		for _, pair := range [][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
			if !d.isNil(pair[1]) {
				continue
			}
			if v := d.errValue(s.Init, pair[0]); v != nil {
				return v, true
			}
		}
	}
	var found *types.Var
	for _, n := range []ast.Node{s.Init, s.Cond} {
		if n == nil {
			continue
		}
		ast.Inspect(n, func(n ast.Node) bool {
			if e, ok := n.(ast.Expr); ok && found == nil {
				found = d.ctxMethodReceiver(e, "Err")
			}
			return found == nil
		})
	}
	return found, false
}

// errValue returns v when e is v.Err(), or an identifier that init
// declares as `err := v.Err()`.
func (d *doneIndex) errValue(init ast.Stmt, e ast.Expr) *types.Var {
	if v := d.ctxMethodReceiver(e, "Err"); v != nil {
		return v
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	as, isAssign := init.(*ast.AssignStmt)
	if !ok || !isAssign || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return nil
	}
	if l, ok := as.Lhs[0].(*ast.Ident); ok && d.info.ObjectOf(l) == d.info.ObjectOf(id) {
		return d.ctxMethodReceiver(as.Rhs[0], "Err")
	}
	return nil
}

func (d *doneIndex) isNil(e ast.Expr) bool {
	tv, ok := d.info.Types[e]
	return ok && tv.IsNil()
}

// terminates reports whether the block always leaves its enclosing
// block: it ends in a return, a branch statement or a call of panic.
func terminates(info *types.Info, b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	switch s := b.List[len(b.List)-1].(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		if call, ok := ast.Unparen(s.X).(*ast.CallExpr); ok {
			return match.IsBuiltin(info, call.Fun, "panic")
		}
	}
	return false
}

// ctxMethodReceiver returns v when e is a call v.name() of a
// context.Context method, or v.Context().name() for a request v.
func (d *doneIndex) ctxMethodReceiver(e ast.Expr, name string) *types.Var {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || !match.IsMethodCall(d.info, call, "context", "Context", name) {
		return nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	if inner, ok := ast.Unparen(sel.X).(*ast.CallExpr); ok {
		if !match.IsMethodCall(d.info, inner, "net/http", "Request", "Context") {
			return nil
		}
		innerSel, ok := ast.Unparen(inner.Fun).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		return match.Var(d.info, innerSel.X)
	}
	return d.unalias(match.Var(d.info, sel.X))
}

// unalias follows local context variables declared as a plain copy of
// another (`abortCtx := ctx`, `var c = ctx`) to the variable they copy:
// `if abortCtx.Err() != nil` tells that ctx is over.
func (d *doneIndex) unalias(v *types.Var) *types.Var {
	for range 8 {
		if v == nil || d.in == nil || !isContext(v.Type()) {
			return v
		}
		rhs := initializer(d.info, d.in, v)
		w := match.Var(d.info, rhs)
		if rhs == nil || w == nil || w == v || !isContext(w.Type()) {
			return v
		}
		v = w
	}
	return v
}
