package resilience

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// bounded reports whether the loop stops after a number of attempts or a
// deadline: a range (over attempts, delays or an int), a condition that
// compares a counter or a time, an if that compares one and leaves the
// loop, or a loop condition the analysis cannot judge (a call: shouldRetry()).
func (f *flow) bounded() bool {
	loop, ok := f.loop.Node().(*ast.ForStmt)
	if !ok {
		return true // range over attempts, delays, n or a channel: finite or not ours to judge
	}
	counters := f.counters(loop)
	if loop.Cond != nil && !isTrue(f.info, loop.Cond) {
		if match.HasCall(loop.Cond) || f.isBoundTest(loop.Cond, counters) {
			return true
		}
	}
	bounded := false
	ast.Inspect(loop.Body, func(n ast.Node) bool {
		ifs, ok := n.(*ast.IfStmt)
		if ok && f.isBoundTest(ifs.Cond, counters) {
			// if attempt > max { return }, or if attempt < max { continue }
			// followed by a give-up
			if f.listExits(ifs.Body.List, false) {
				bounded = true
			} else if c, ok := f.loop.FindNode(ifs); ok && f.continues(ifs.Body) && f.restExits(c) {
				bounded = true
			}
		}
		_, lit := n.(*ast.FuncLit)
		return !bounded && !lit
	})
	return bounded
}

// counters returns the integer variables the loop steps (attempt++,
// tries += 1, n = n + 1) in its post statement or body.
func (f *flow) counters(loop *ast.ForStmt) map[types.Object]bool {
	counters := map[types.Object]bool{}
	ast.Inspect(loop, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.IncDecStmt:
			if v := match.Var(f.info, n.X); v != nil {
				counters[v] = true
			}
		case *ast.AssignStmt:
			if len(n.Lhs) != 1 || len(n.Rhs) != 1 {
				break
			}
			v := match.Var(f.info, n.Lhs[0])
			if v == nil || !isInteger(v.Type()) {
				break
			}
			if n.Tok == token.ADD_ASSIGN || n.Tok == token.SUB_ASSIGN || n.Tok == token.ASSIGN && match.Refers(f.info, n.Rhs[0], v) {
				counters[v] = true
			}
		}
		return true
	})
	// A decision a function makes from the count (retry, err :=
	// decide(err, runs)) bounds the loop like the count itself.
	ast.Inspect(loop.Body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 {
			return true
		}
		if call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr); ok {
			for _, arg := range call.Args {
				if f.usesAny(arg, counters) {
					for _, l := range as.Lhs {
						if v := match.Var(f.info, l); v != nil {
							counters[v] = true
						}
					}
					break
				}
			}
		}
		return true
	})
	return counters
}

// isBoundTest reports whether e compares an attempt counter or a time:
// attempt < maxAttempts, time.Since(start) > budget, time.Now().After(deadline),
// or tests a decision made from the count (!retry) or passes the count to
// a function (shouldRetry(attempt)).
func (f *flow) isBoundTest(e ast.Expr, counters map[types.Object]bool) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			if v, ok := f.info.Uses[n].(*types.Var); ok && counters[v] && isBool(v.Type()) {
				found = true
			}
		case *ast.BinaryExpr:
			switch n.Op {
			case token.LSS, token.LEQ, token.GTR, token.GEQ, token.EQL, token.NEQ:
				for _, side := range []ast.Expr{n.X, n.Y} {
					if f.isTimeValue(side) || f.usesAny(side, counters) {
						found = true
					}
				}
			}
		case *ast.CallExpr:
			if match.IsMethod(callee(f.info, n), "time", "Time", "Before", "After") {
				found = true
			}
			for _, arg := range n.Args {
				if f.usesAny(arg, counters) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsBoolean != 0
}

func (f *flow) isTimeValue(e ast.Expr) bool {
	t := f.info.TypeOf(e)
	return t != nil && match.IsNamed(t, "time", "Duration", "Time")
}

func (f *flow) usesAny(e ast.Expr, objs map[types.Object]bool) bool {
	for obj := range objs {
		if match.Refers(f.info, e, obj) {
			return true
		}
	}
	return false
}

// exitsOnCtx reports whether the loop looks at its context: ctx.Done(),
// ctx.Err(), or context.Canceled / context.DeadlineExceeded; or leaves on
// a call given the context whose answer it tests (if !waitForRetry(ctx,
// d) { return }), other than the retried call; or leaves when a stop
// channel (a chan struct{}: done, stopc) is closed.
func (f *flow) exitsOnCtx(retried ast.Node) bool {
	found := false
	ast.Inspect(f.loop.Node(), func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.IfStmt:
			if f.listExits(n.Body.List, false) && f.callsWithContext(n.Cond, retried) {
				found = true
			}
		case *ast.CommClause:
			if f.isStopReceive(n.Comm) && (f.listExits(n.Body, true) || f.returns(n)) {
				found = true
			}
		case *ast.CallExpr:
			if match.IsMethod(callee(f.info, n), "context", "Context", "Done", "Err") {
				found = true
			}
		case *ast.SelectorExpr:
			if v, ok := match.ObjectOf(f.info, n).(*types.Var); ok && v.Pkg() != nil && v.Pkg().Path() == "context" &&
				(v.Name() == "Canceled" || v.Name() == "DeadlineExceeded") {
				found = true
			}
		}
		return !found
	})
	return found
}

func isTrue(info *types.Info, e ast.Expr) bool {
	tv := info.Types[e]
	return tv.Value != nil && tv.Value.String() == "true"
}

func isInteger(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// contextInScope returns how the loop can reach a context it could watch:
// the name of a context.Context parameter of the enclosing function, or a
// context-typed expression the loop itself uses (s.ctx). It returns ""
// when there is none.
func (f *flow) contextInScope() string {
	found := ""
	ast.Inspect(f.loop.Node(), func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident, *ast.SelectorExpr:
			if t := f.info.TypeOf(n.(ast.Expr)); t != nil && match.IsNamed(t, "context", "Context") {
				if _, isVar := match.ObjectOf(f.info, n.(ast.Expr)).(*types.Var); isVar {
					found = types.ExprString(n.(ast.Expr))
				}
			}
			return found == "" && !isSelector(n)
		case *ast.FuncLit:
			return false
		}
		return found == ""
	})
	if found != "" {
		return found
	}
	_, _, sig := match.EnclosingFunc(f.info, f.loop)
	if sig != nil {
		for v := range sig.Params().Variables() {
			if match.IsNamed(v.Type(), "context", "Context") && v.Name() != "" && v.Name() != "_" {
				return v.Name()
			}
		}
	}
	return ""
}

func isSelector(n ast.Node) bool { _, ok := n.(*ast.SelectorExpr); return ok }

// callsWithContext reports whether e calls something other than the
// retried call with a context.Context argument.
func (f *flow) callsWithContext(e ast.Expr, retried ast.Node) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || n == retried {
			return !found
		}
		for _, arg := range call.Args {
			if t := f.info.TypeOf(arg); t != nil && match.IsNamed(t, "context", "Context") {
				found = true
			}
		}
		return !found
	})
	return found
}

// isStopReceive reports whether s receives from a channel of struct{}:
// a done or stop channel that is closed to end the loop.
func (f *flow) isStopReceive(s ast.Stmt) bool {
	var e ast.Expr
	switch s := s.(type) {
	case *ast.ExprStmt:
		e = s.X
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 {
			e = s.Rhs[0]
		}
	}
	u, ok := ast.Unparen(e).(*ast.UnaryExpr)
	if !ok || u.Op != token.ARROW {
		return false
	}
	t := f.info.TypeOf(u.X)
	if t == nil {
		return false
	}
	ch, ok := t.Underlying().(*types.Chan)
	if !ok {
		return false
	}
	st, ok := ch.Elem().Underlying().(*types.Struct)
	return ok && st.NumFields() == 0
}

// passesContext reports whether call has a context.Context argument.
func passesContext(info *types.Info, call *ast.CallExpr) bool {
	for _, arg := range call.Args {
		if t := info.TypeOf(arg); t != nil && match.IsNamed(t, "context", "Context") {
			return true
		}
	}
	return false
}
