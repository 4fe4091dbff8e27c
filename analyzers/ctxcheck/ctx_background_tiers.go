package ctxcheck

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/apis"
	"github.com/prodlint/prodlint/analyzers/internal/index"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
	"github.com/prodlint/prodlint/analyzers/internal/summary/iosum"
)

// BackgroundOptions are ctx-background's rules.toml keys: the tiers beyond
// the default, each a shape whose fresh root is as often a deliberate
// choice as a mistake.
type BackgroundOptions struct {
	Writes       bool `toml:"writes" doc:"also report a fresh root handed only to calls made for their effect (the callee may reach the network or a database by its I/O summary and the caller keeps only its error: a write, a send, a delete): a follow-up write that must complete once the change has happened is as often meant as a cut cancellation chain"`
	Bounded      bool `toml:"bounded" doc:"also report a fresh root given its own deadline (context.WithTimeout or WithDeadline of it): the work ends by then whoever waits for it, so nothing piles up beyond the bound the author chose"`
	GoStatements bool `toml:"go-statements" doc:"also report a fresh root in a go statement (or a function this package only starts with go), whose work outlives the request by design: it drops the request's values (trace ids), not a cancellation anyone waits for"`
}

// everyUse reports whether the fresh root, and every local variable that
// holds it or a context derived from it, is used at least once and only
// where use says (derivations, context.WithTimeout(tctx, d), are followed
// rather than judged).
func everyUse(info *types.Info, flow freshFlow, src ctxSource, use func(inspector.Cursor) bool) bool {
	if !flow.end.Valid() {
		return false
	}
	uses := 0
	judge := func(c inspector.Cursor) bool {
		uses++
		return use(c)
	}
	if assignedVar(info, flow.end) == nil && !judge(flow.end) {
		return false
	}
	for c := range src.owner.Preorder((*ast.Ident)(nil)) {
		v, ok := info.Uses[c.Node().(*ast.Ident)].(*types.Var)
		if !ok || !flow.vars[v] {
			continue
		}
		if u := match.Unparen(c); u.ParentEdgeKind() == edge.CallExpr_Args && flow.vars[assignedVar(info, u.Parent())] {
			continue // a derivation: its own uses are judged
		}
		if !judge(c) {
			return false
		}
	}
	return uses > 0
}

// onlyEffects reports whether the fresh root goes only to calls made for
// their effect: the callee may reach the network or a database by its I/O
// summary and the caller keeps nothing of it but the error (the callee
// returns nothing or only an error, or its other results are assigned to
// _ or dropped), with no variable handed to it by address to fill (an
// out-parameter, &res of a var res T: the result of a read).
func onlyEffects(info *types.Info, io *iosum.Summary, flow freshFlow, src ctxSource) bool {
	return everyUse(info, flow, src, func(c inspector.Cursor) bool {
		call, ok := argumentOf(c)
		if !ok {
			return false
		}
		fn := match.Callee(info, call)
		if fn == nil {
			return false
		}
		sig := fn.Signature()
		if !io.May(fn) || fillsOutParam(info, c.Inspector(), call) {
			return false
		}
		return onlyErrorResult(sig) || keepsOnlyError(match.Unparen(c).Parent(), sig)
	})
}

// onlyErrorResult reports whether sig has no result or only an error.
func onlyErrorResult(sig *types.Signature) bool {
	res := sig.Results()
	return res.Len() == 0 || res.Len() == 1 && isError(res.At(0).Type())
}

// keepsOnlyError reports whether the call at c drops every result that is
// not an error: a statement of its own, or the whole right-hand side of an
// assignment whose other left-hand sides are _.
func keepsOnlyError(c inspector.Cursor, sig *types.Signature) bool {
	u := match.Unparen(c)
	switch u.ParentEdgeKind() {
	case edge.ExprStmt_X:
		return true
	case edge.AssignStmt_Rhs:
		as := u.Parent().Node().(*ast.AssignStmt)
		if len(as.Rhs) != 1 || len(as.Lhs) != sig.Results().Len() {
			return false
		}
		for i, l := range as.Lhs {
			if id, ok := l.(*ast.Ident); (!ok || id.Name != "_") && !isError(sig.Results().At(i).Type()) {
				return false
			}
		}
		return true
	}
	return false
}

// fillsOutParam reports whether call is handed the address of a local
// variable declared with no value (var res T; f(ctx, &req, &res)): the
// variable gets its value from the call, a result in all but name.
func fillsOutParam(info *types.Info, in *inspector.Inspector, call *ast.CallExpr) bool {
	for _, arg := range call.Args {
		u, ok := ast.Unparen(arg).(*ast.UnaryExpr)
		if !ok || u.Op != token.AND {
			continue
		}
		v := match.Var(info, u.X)
		if v == nil {
			continue
		}
		if id, ok := index.DefOf(in, info, v); ok {
			if spec, ok := id.Parent().Node().(*ast.ValueSpec); ok && len(spec.Values) == 0 {
				return true
			}
		}
	}
	return false
}

// closesResource reports whether the fresh root at c is handed straight to
// a method named Close or Shutdown (the cleanup of a resource being
// released or replaced), which must complete whoever is waiting.
func closesResource(info *types.Info, c inspector.Cursor) bool {
	call, ok := argumentOf(c)
	if !ok {
		return false
	}
	fn := match.Callee(info, call)
	if fn == nil || fn.Signature().Recv() == nil || match.IsMethod(fn, "net/http", "Server", "Shutdown") {
		return false // (*http.Server).Shutdown: its own form, shuts-down-server
	}
	switch fn.Name() {
	case "Close", "close", "Shutdown", "GracefulShutdown":
		return true
	}
	return false
}

// contextFactory reports whether the fresh root at c is what a function
// returns as its context.Context result while it never reads the context
// it is given (a hook that picks the context for some later work, with
// a fresh one as its documented default): the function exists to choose,
// and chose a fresh root.
func contextFactory(info *types.Info, c inspector.Cursor, src ctxSource) bool {
	if match.Unparen(c).ParentEdgeKind() != edge.ReturnStmt_Results || src.request {
		return false
	}
	fc, body, sig := match.EnclosingFunc(info, c)
	if body == nil || sig == nil || fc != src.owner {
		return false
	}
	returnsContext := false
	for v := range sig.Results().Variables() {
		returnsContext = returnsContext || isContext(v.Type())
	}
	return returnsContext && !match.Refers(info, body, src.v)
}

// fillsSharedState reports whether the fresh root at c runs while a mutex
// is held and the holder stores into a field: a result computed once, under
// the lock, for every caller waiting on it (a cache fill, a query prepared
// once), which one caller's cancellation must not fail for the others.
// Either the function holding c locks a sync.Mutex or RWMutex before c
// (and does not unlock it before c) and assigns a field, or c is in a
// function literal handed to a function of this package that calls that
// parameter under its lock and assigns a field.
func fillsSharedState(p *rule.Pass, c inspector.Cursor) bool {
	info := p.TypesInfo
	fc, body, _ := match.EnclosingFunc(info, c)
	if body == nil {
		return false
	}
	if lockedAt(info, body, c.Node().Pos(), nil) {
		return true
	}
	lit, ok := fc.Node().(*ast.FuncLit)
	if !ok || match.Unparen(fc).ParentEdgeKind() != edge.CallExpr_Args {
		return false
	}
	call := match.Unparen(fc).Parent().Node().(*ast.CallExpr)
	fd := p.FuncDecl(match.Callee(info, call))
	if fd == nil || fd.Body == nil || call.Ellipsis.IsValid() {
		return false
	}
	param := paramAt(info, fd, match.Unparen(fc).ParentEdgeIndex())
	if param == nil || ast.Unparen(call.Args[match.Unparen(fc).ParentEdgeIndex()]) != lit {
		return false
	}
	return lockedAt(info, fd.Body, 0, param)
}

// lockedAt reports whether body locks a mutex and, after the lock and with
// no Unlock call in between, reaches pos (or, with param set, a call of
// the function parameter param), and assigns a struct field after the
// lock.
func lockedAt(info *types.Info, body *ast.BlockStmt, pos token.Pos, param *types.Var) bool {
	var locked, reached, stored bool
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			return false // defer mu.Unlock(): runs at the end
		case *ast.CallExpr:
			fn := match.Callee(info, n)
			switch {
			case match.IsMethod(fn, "sync", "Mutex", "Lock") || match.IsMethod(fn, "sync", "RWMutex", "Lock"):
				locked = true
			case match.IsMethod(fn, "sync", "Mutex", "Unlock") || match.IsMethod(fn, "sync", "RWMutex", "Unlock"):
				if !reached {
					locked = false
				}
			case param != nil && locked && match.Var(info, n.Fun) == param:
				reached = true
			}
		case *ast.AssignStmt:
			if locked {
				for _, l := range n.Lhs {
					if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok {
						if s := info.Selections[sel]; s != nil && s.Kind() == types.FieldVal {
							stored = true
						}
					}
				}
			}
		}
		if param == nil && locked && n != nil && n.Pos() <= pos && pos < n.End() {
			reached = true
		}
		return true
	})
	return reached && stored
}

// paramAt returns the parameter of fd that receives argument i.
func paramAt(info *types.Info, fd *ast.FuncDecl, i int) *types.Var {
	n := 0
	for _, field := range fd.Type.Params.List {
		if len(field.Names) == 0 {
			n++
			continue
		}
		for _, name := range field.Names {
			if n == i {
				v, _ := info.Defs[name].(*types.Var)
				return v
			}
			n++
		}
	}
	return nil
}

// isLogger reports whether t (or what it points to) is a logger of the
// API tables: a type with a method that logs its arguments.
func isLogger(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	ms := types.NewMethodSet(types.NewPointer(named))
	for i := range ms.Len() {
		if fn, ok := ms.At(i).Obj().(*types.Func); ok && apis.LogOf(fn) != nil {
			return true
		}
	}
	return false
}

// intoOwnContext reports whether the fresh root at c is handed straight to
// a function of this package that returns a context of a type this
// package declares with its own Done method (directly, or by returning
// such a call): a context that ends on the package's own signal (a role
// lost, a stop channel closed), whose lifetime the package chose.
func intoOwnContext(p *rule.Pass, c inspector.Cursor) bool {
	call, ok := argumentOf(c)
	return ok && returnsOwnContext(p, call, 0)
}

func returnsOwnContext(p *rule.Pass, call *ast.CallExpr, depth int) bool {
	fn := match.Callee(p.TypesInfo, call)
	if fn == nil || fn.Pkg() != p.Pkg {
		return false
	}
	res := fn.Signature().Results()
	if res.Len() != 1 {
		return false
	}
	if ownsDone(p.Pkg, res.At(0).Type()) {
		return true
	}
	fd := p.FuncDecl(fn)
	if fd == nil || fd.Body == nil || depth >= 2 || !isContext(res.At(0).Type()) {
		return false
	}
	found, other := false, false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) == 1 {
				if inner, ok := ast.Unparen(n.Results[0]).(*ast.CallExpr); ok && returnsOwnContext(p, inner, depth+1) {
					found = true
					return false
				}
			}
			other = true
		}
		return true
	})
	return found && !other
}

// ownsDone reports whether t, or what it points to, is a named type of pkg
// with a Done method declared on it.
func ownsDone(pkg *types.Package, t types.Type) bool {
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() != pkg {
		return false
	}
	for m := range named.Methods() {
		if m.Name() == "Done" {
			return true
		}
	}
	return false
}

// resetsContext reports whether the fresh root at c is handed to a method
// that, on the same receiver and at the same argument, was handed a live
// context earlier in the same function, with another method of that
// receiver, or of the object that holds it, called in between
// (vm.SetContext(ctx), vm.Run(script), then
// vm.SetContext(context.Background())): the object is reset once the
// work is done, so that it does not keep the finished call's context.
func resetsContext(info *types.Info, c inspector.Cursor) bool {
	call, ok := argumentOf(c)
	if !ok {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	fn := match.Callee(info, call)
	if !ok || fn == nil || fn.Signature().Recv() == nil {
		return false
	}
	i := match.Unparen(c).ParentEdgeIndex()
	_, body, _ := match.EnclosingFunc(info, c)
	if body == nil {
		return false
	}
	recv, root := types.ExprString(sel.X), rootVar(info, sel.X)
	set, worked := token.NoPos, false
	ast.Inspect(body, func(n ast.Node) bool {
		earlier, ok := n.(*ast.CallExpr)
		if !ok || earlier.Pos() >= call.Pos() {
			return true
		}
		esel, ok := ast.Unparen(earlier.Fun).(*ast.SelectorExpr)
		if !ok {
			return true
		}
		efn := match.Callee(info, earlier)
		switch {
		case efn == fn && types.ExprString(esel.X) == recv && len(earlier.Args) > i &&
			isContext(info.TypeOf(earlier.Args[i])) && !isFreshRoot(info, earlier.Args[i]):
			set, worked = earlier.Pos(), false
		case efn != nil && efn != fn && set.IsValid() && root != nil && rootVar(info, esel.X) == root:
			worked = true // the work: a method of the receiver, or of the object that holds it (r.vm, r)
		}
		return true
	})
	return set.IsValid() && worked
}

// rootVar returns the variable a selector chain starts from (r in r.vm).
func rootVar(info *types.Info, e ast.Expr) *types.Var {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			e = x.X
		case *ast.Ident:
			return match.Var(info, x)
		default:
			return nil
		}
	}
}
