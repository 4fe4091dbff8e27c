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
		if ifs, ok := n.(*ast.IfStmt); ok && f.isBoundTest(ifs.Cond, counters) && f.listExits(ifs.Body.List, false) {
			bounded = true
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
	return counters
}

// isBoundTest reports whether e compares an attempt counter or a time:
// attempt < maxAttempts, time.Since(start) > budget, time.Now().After(deadline).
func (f *flow) isBoundTest(e ast.Expr, counters map[types.Object]bool) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
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
		}
		return !found
	})
	return found
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
// ctx.Err(), or context.Canceled / context.DeadlineExceeded.
func (f *flow) exitsOnCtx() bool {
	found := false
	ast.Inspect(f.loop.Node(), func(n ast.Node) bool {
		switch n := n.(type) {
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
