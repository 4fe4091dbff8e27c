package resilience

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// reroutesOnContextError reports whether a bounded retry loop comes back
// only after a context error and only after choosing a new target:
//
//	for attempts := 0; ; attempts++ {
//		if attempts > 5 { break }
//		r, err = req.Peer.Get(ctx, q)
//		if err != nil {
//			if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
//				req.Peer, err = s.peerFor(ctx, key)
//				...
//				continue
//			}
//			break
//		}
//		break
//	}
//
// Each attempt either followed one that waited out a deadline or runs on a
// context that is over and fails at once, and it goes to another target
// (the receiver of the call is reassigned): a re-route, not a hot retry
// against the same failing upstream.
func reroutesOnContextError(rl retryLoop) bool {
	f := rl.flow
	if !f.bounded() {
		return false
	}
	call := rl.call.Node().(*ast.CallExpr)
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	target := types.ExprString(sel.X)
	return f.continuesOnlyWhen(func(ifs *ast.IfStmt, br *ast.BranchStmt) bool {
		return onlyContextErrors(f.info, ifs.Cond) && reassigns(ifs.Body, target, br.Pos())
	})
}

// continuesOnlyWhen reports whether the loop's body ends by leaving the
// loop (falling through to the next iteration would retry without a
// test) and the loop comes back only through continue statements of its
// own, at least one, each inside an if statement of the loop for which
// guard holds.
func (f *flow) continuesOnlyWhen(guard func(*ast.IfStmt, *ast.BranchStmt) bool) bool {
	body := match.LoopBody(f.loop.Node())
	if body == nil || len(body.List) == 0 || !f.exits(body.List[len(body.List)-1], false) {
		return false
	}
	continues := 0
	for bc := range f.ownContinues(f.loop) {
		br := bc.Node().(*ast.BranchStmt)
		continues++
		guarded := false
		for ic := range bc.Enclosing((*ast.IfStmt)(nil)) {
			if ic.Node().Pos() < f.loop.Node().Pos() {
				break
			}
			if guard(ic.Node().(*ast.IfStmt), br) {
				guarded = true
				break
			}
		}
		if !guarded {
			return false
		}
	}
	return continues > 0
}

// onlyContextErrors reports whether every disjunct of cond tests an error
// against context.Canceled or context.DeadlineExceeded (errors.Is(err,
// context.Canceled), err == context.DeadlineExceeded). Is may come from
// any package that mirrors the standard library's (func Is(err, target
// error) bool: github.com/pkg/errors and its kin).
func onlyContextErrors(info *types.Info, cond ast.Expr) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if ok && b.Op == token.LOR {
		return onlyContextErrors(info, b.X) && onlyContextErrors(info, b.Y)
	}
	isCtxErr := func(e ast.Expr) bool {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		v, ok := info.Uses[sel.Sel].(*types.Var)
		return ok && v.Pkg() != nil && v.Pkg().Path() == "context" &&
			(v.Name() == "Canceled" || v.Name() == "DeadlineExceeded")
	}
	switch e := ast.Unparen(cond).(type) {
	case *ast.CallExpr:
		return isErrorsIs(match.Callee(info, e)) && len(e.Args) == 2 && isCtxErr(e.Args[1])
	case *ast.BinaryExpr:
		return e.Op == token.EQL && (isCtxErr(e.X) || isCtxErr(e.Y))
	}
	return false
}

// reassigns reports whether body assigns the expression target (the
// receiver of the retried call) before pos.
func reassigns(body *ast.BlockStmt, target string, pos token.Pos) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || found || as.Pos() > pos {
			return !found
		}
		for _, l := range as.Lhs {
			if types.ExprString(l) == target {
				found = true
			}
		}
		return !found
	})
	return found
}

// isErrorsIs reports whether fn is a package-level func Is(err, target
// error) bool: the standard library's errors.Is or a package that mirrors
// it.
func isErrorsIs(fn *types.Func) bool {
	if fn == nil || fn.Name() != "Is" || fn.Signature().Recv() != nil {
		return false
	}
	sig := fn.Signature()
	errType := types.Universe.Lookup("error").Type()
	if sig.Params().Len() != 2 || sig.Results().Len() != 1 {
		return false
	}
	b, ok := sig.Results().At(0).Type().(*types.Basic)
	return ok && b.Kind() == types.Bool &&
		types.Identical(sig.Params().At(0).Type(), errType) && types.Identical(sig.Params().At(1).Type(), errType)
}

// retriesOnlyAfterDeadline reports whether the loop comes back only from
// a test that the error is context.DeadlineExceeded, and otherwise
// leaves: each attempt follows one that waited out a deadline (a queue
// push that waited for room, a call with a per-attempt timeout), so the
// attempts do not go out back to back.
func retriesOnlyAfterDeadline(rl retryLoop) bool {
	f := rl.flow
	return f.continuesOnlyWhen(func(ifs *ast.IfStmt, _ *ast.BranchStmt) bool {
		return onlyDeadlineErrors(f.info, ifs.Cond)
	})
}

// onlyDeadlineErrors reports whether cond tests an error against
// context.DeadlineExceeded only (errors.Is or ==).
func onlyDeadlineErrors(info *types.Info, cond ast.Expr) bool {
	if !onlyContextErrors(info, cond) {
		return false
	}
	canceled := false
	ast.Inspect(cond, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if v, ok := info.Uses[sel.Sel].(*types.Var); ok && v.Pkg() != nil && v.Pkg().Path() == "context" && v.Name() == "Canceled" {
				canceled = true
			}
		}
		return !canceled
	})
	return !canceled
}
