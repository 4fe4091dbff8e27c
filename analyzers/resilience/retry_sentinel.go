package resilience

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// continuesOnlyOnNonFailure reports whether a loop `for { ... }` comes
// back only through continues that do not retry a failing upstream, and
// otherwise leaves (its body ends in a return or break): each continue is
// guarded by a test of one sentinel error value (err == ErrX,
// errors.Is(err, ErrX)) whose name does not say the peer is overloaded or
// unavailable, by a test of a local database lock message, by a flag the
// guard tests and the branch sets (at most one more pass), or, when the
// retried call writes against a value the same iteration read first (a
// compare-and-swap), by any test of the error.
func continuesOnlyOnNonFailure(rl retryLoop) bool {
	if rl.self != nil || rl.flow == nil {
		return false
	}
	f := rl.flow
	loop, ok := f.loop.Node().(*ast.ForStmt)
	if !ok || loop.Cond != nil {
		return false
	}
	body := loop.Body
	if len(body.List) == 0 || !f.exits(body.List[len(body.List)-1], false) {
		return false
	}
	cas := readsBeforeWrite(f.info, body)
	continues := 0
	for bc := range f.ownContinues(f.loop) {
		continues++
		ic, ok := bc.Parent().Parent().Node().(*ast.IfStmt) // the continue's block is an if's body
		if !ok || ic.Body != bc.Parent().Node() {
			return false
		}
		if !sentinelTest(f.info, ic.Cond) && !lockMessageTest(f.info, ic.Cond) && !flagOnce(ic) &&
			!(cas && errPredicate(f.info, ic.Cond)) {
			return false
		}
	}
	return continues > 0
}

// transientWords are the words of a sentinel error's name that say the
// peer failed or refused for now: a continue on one is a retry.
var transientWords = []string{"rate", "limit", "throttl", "busy", "unavailable", "timeout", "overload",
	"retry", "again", "temporar", "toomany", "exhaust", "quota"}

// sentinelTest reports whether cond is err == X or Is(err, X) for one
// package-level error variable X outside the context package whose name
// does not say the failure is transient.
func sentinelTest(info *types.Info, cond ast.Expr) bool {
	var x ast.Expr
	switch e := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		if e.Op != token.EQL {
			return false
		}
		x = e.Y
		if isPackageErrVar(info, e.X) {
			x = e.X
		}
	case *ast.CallExpr:
		if !isErrorsIs(match.Callee(info, e)) {
			return false
		}
		x = e.Args[1]
	default:
		return false
	}
	if !isPackageErrVar(info, x) {
		return false
	}
	name := strings.ToLower(objOf(info, x).Name())
	for _, w := range transientWords {
		if strings.Contains(name, w) {
			return false
		}
	}
	return true
}

func objOf(info *types.Info, e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return info.Uses[e]
	case *ast.SelectorExpr:
		return info.Uses[e.Sel]
	}
	return nil
}

// isPackageErrVar reports whether e names a package-level variable of
// type error, outside the context package.
func isPackageErrVar(info *types.Info, e ast.Expr) bool {
	v, ok := objOf(info, e).(*types.Var)
	if !ok || v.Pkg() == nil || v.Pkg().Path() == "context" || v.Parent() != v.Pkg().Scope() {
		return false
	}
	return types.Identical(v.Type(), types.Universe.Lookup("error").Type())
}

// lockMessageTest reports whether cond is strings.Contains(err.Error(),
// "...locked...") : the lock error of a local embedded database, whose
// driver waits out its busy timeout inside each attempt.
func lockMessageTest(info *types.Info, cond ast.Expr) bool {
	call, ok := ast.Unparen(cond).(*ast.CallExpr)
	if !ok || len(call.Args) != 2 {
		return false
	}
	fn := match.Callee(info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "strings" || fn.Name() != "Contains" {
		return false
	}
	tv, ok := info.Types[call.Args[1]]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return false
	}
	return strings.Contains(strings.ToLower(constant.StringVal(tv.Value)), "locked")
}

// flagOnce reports whether the if's condition requires !x and its body
// sets x = true: the branch runs at most once.
func flagOnce(ifs *ast.IfStmt) bool {
	for _, e := range conjuncts(ifs.Cond) {
		u, ok := e.(*ast.UnaryExpr)
		if !ok || u.Op != token.NOT {
			continue
		}
		flag := types.ExprString(ast.Unparen(u.X))
		for _, s := range ifs.Body.List {
			as, ok := s.(*ast.AssignStmt)
			if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
				continue
			}
			if types.ExprString(as.Lhs[0]) == flag && types.ExprString(as.Rhs[0]) == "true" {
				return true
			}
		}
	}
	return false
}

// errPredicate reports whether cond tests an error: a sentinel test or a
// call given an error that answers a bool (isConflict(err)).
func errPredicate(info *types.Info, cond ast.Expr) bool {
	call, ok := ast.Unparen(cond).(*ast.CallExpr)
	if !ok {
		return sentinelTest(info, cond)
	}
	if t, ok := info.TypeOf(call).(*types.Basic); !ok || t.Kind() != types.Bool {
		return false
	}
	for _, a := range call.Args {
		if t := info.TypeOf(a); t != nil && types.Identical(t, types.Universe.Lookup("error").Type()) {
			return true
		}
	}
	return false
}

// readsBeforeWrite reports whether a call made at the top of the loop
// body (a statement, or an if's init) is given a variable that the same
// iteration assigned from another call's result before it (a version or
// generation read first): a read-modify-write that a conflict sends round
// again with fresh state.
func readsBeforeWrite(info *types.Info, body *ast.BlockStmt) bool {
	read := map[types.Object]bool{}
	for _, s := range body.List {
		var as *ast.AssignStmt
		switch s := s.(type) {
		case *ast.AssignStmt:
			as = s
		case *ast.IfStmt:
			as, _ = s.Init.(*ast.AssignStmt)
		}
		if as == nil || len(as.Rhs) != 1 {
			continue
		}
		call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		if !ok {
			continue
		}
		for _, a := range call.Args {
			if v := match.Var(info, a); v != nil && read[v] {
				return true
			}
		}
		for _, l := range as.Lhs {
			if v := match.Var(info, l); v != nil && !types.Identical(v.Type(), types.Universe.Lookup("error").Type()) {
				read[v] = true
			}
		}
	}
	return false
}

// retriedCallWaits reports whether the retried call is itself a wait
// given a context (WaitForClose(ctx), WaitReady(ctx)): it blocks until
// what it waits for happens or the context ends, so the loop does not
// spin against a peer.
func retriedCallWaits(info *types.Info, c inspector.Cursor) bool {
	call := c.Node().(*ast.CallExpr)
	fn := match.Callee(info, call)
	return fn != nil && strings.HasPrefix(fn.Name(), "Wait") && passesContext(info, call)
}
