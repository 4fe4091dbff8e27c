package ctxcheck

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/apis"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
	"github.com/prodlint/prodlint/analyzers/internal/summary/ctxsum"
	"github.com/prodlint/prodlint/analyzers/internal/summary/iosum"
)

// Fresh roots whose uses show that they do not cut a caller's
// cancellation: the author ends them in order after the caller's context,
// they serve a write that must complete after a commit, they only feed
// value lookups, or they only add a timer beside the caller's context.

// cancelledOnDone reports whether a cancel function of the fresh root's
// derivations is called where src is known to be over (after
// <-ctx.Done(), in a "case <-ctx.Done():" clause) or is handed to
// context.AfterFunc(src, cancel), or is handed off to a stop path (see
// cancelHandedOff): the author ends the fresh root after the caller's
// context, in an order of their choosing (stop taking work, drain, then
// cancel the backend), which passing ctx would break.
func cancelledOnDone(info *types.Info, done *doneIndex, flow freshFlow, src ctxSource) bool {
	if len(flow.cancels) == 0 {
		return false
	}
	for c := range src.owner.Preorder((*ast.Ident)(nil)) {
		if v, ok := info.Uses[c.Node().(*ast.Ident)].(*types.Var); ok && flow.cancels[v] && cancelHandedOff(info, c) {
			return true
		}
	}
	for c := range src.owner.Preorder((*ast.CallExpr)(nil)) {
		call := c.Node().(*ast.CallExpr)
		if len(call.Args) == 0 && flow.cancels[match.Var(info, call.Fun)] && done.afterDone(src, call.Pos()) {
			return true
		}
		if match.IsCallTo(info, call, "context", "AfterFunc") && len(call.Args) == 2 &&
			match.Refers(info, call.Args[0], src.v) && flow.cancels[match.Var(info, call.Args[1])] {
			return true
		}
	}
	return false
}

// cancelHandedOff reports whether the use of a cancel function at c hands
// it to whoever stops the work: returned (func start(ctx) (stop func())),
// stored in a field or a package variable, or in a map held by one
// (s.stopBackend = cancel, s.subs[key] = cancel), or
// passed to a function (a shutdown registry). The fresh root then ends on
// an explicit stop path, in the order its owner chooses.
func cancelHandedOff(info *types.Info, c inspector.Cursor) bool {
	c = match.Unparen(c)
	switch c.ParentEdgeKind() {
	case edge.ReturnStmt_Results, edge.CallExpr_Args, edge.KeyValueExpr_Value, edge.CompositeLit_Elts:
		return true
	case edge.AssignStmt_Rhs:
		as := c.Parent().Node().(*ast.AssignStmt)
		if len(as.Lhs) != len(as.Rhs) {
			return false
		}
		switch lhs := ast.Unparen(as.Lhs[c.ParentEdgeIndex()]).(type) {
		case *ast.SelectorExpr:
			return true // s.stop = cancel
		case *ast.IndexExpr:
			// s.subs[key] = cancel: kept in a field's (or package
			// variable's) map, for Unsubscribe or Close to call.
			switch x := ast.Unparen(lhs.X).(type) {
			case *ast.SelectorExpr:
				return true
			case *ast.Ident:
				v, ok := info.ObjectOf(x).(*types.Var)
				return ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
			}
		case *ast.Ident:
			v, ok := info.ObjectOf(lhs).(*types.Var)
			return ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
		}
	}
	return false
}

// afterCommit reports whether the fresh root at c comes, in the same
// function, after a transaction's Commit (a method named Commit whose only
// result is an error): the change has happened, and the follow-up write
// (an audit record, a cache invalidation) must complete even if the caller
// has gone, or the stored state and its follow-up disagree.
func afterCommit(info *types.Info, c inspector.Cursor) bool {
	fn, ok := enclosingFunc(c)
	if !ok {
		return false
	}
	for cc := range fn.Preorder((*ast.CallExpr)(nil)) {
		call := cc.Node().(*ast.CallExpr)
		if call.Pos() >= c.Node().Pos() {
			break // past the fresh root
		}
		if call.End() > c.Node().Pos() {
			continue // a call around the fresh root
		}
		if f, _ := enclosingFunc(cc); f != fn || isDeferred(cc) {
			continue
		}
		callee := match.Callee(info, call)
		if callee == nil || callee.Name() != "Commit" || callee.Signature().Recv() == nil {
			continue
		}
		if res := callee.Signature().Results(); res.Len() == 1 && isError(res.At(0).Type()) {
			return true
		}
	}
	return false
}

// enclosingFunc returns the innermost function declaration or literal
// around c.
func enclosingFunc(c inspector.Cursor) (inspector.Cursor, bool) {
	for fc := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return fc, true
	}
	return inspector.Cursor{}, false
}

// isDeferred reports whether c is inside a defer statement of its own
// function.
func isDeferred(c inspector.Cursor) bool {
	for e := range c.Enclosing((*ast.DeferStmt)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		_, isDefer := e.Node().(*ast.DeferStmt)
		return isDefer
	}
	return false
}

func isError(t types.Type) bool { return types.Identical(t, types.Universe.Lookup("error").Type()) }

// useKind is what one use of the fresh root (or of a context derived from
// it) does with it.
type useKind int

const (
	useOther  useKind = iota // anything that may do I/O or let the context escape
	useLookup                // handed to a function that only computes a value (a logger or route lookup)
	useBeside                // handed to a call, or a select, that also has the caller's context
)

// onlyLookupsOrTimer reports whether every use of the fresh root and of
// the contexts derived from it is a value lookup (a function whose results
// include no error and no context, nor a value with a method that returns
// an error: a logger or a route looked up from a context) whose I/O
// summary does not say it may reach the network or a database, or, when the
// root is bounded by context.WithTimeout/WithDeadline, sits beside the
// caller's own context (a call that receives both, a select that also
// waits on the caller's Done): such a context cannot carry work past the
// caller.
func onlyLookupsOrTimer(info *types.Info, io *iosum.Summary, flow freshFlow, src ctxSource) bool {
	return everyUse(info, flow, src, func(c inspector.Cursor) bool {
		switch useOf(info, c, src) {
		case useLookup:
			// A function that returns no error may still send: its summary
			// says whether it reaches the network or a database.
			call, _ := argumentOf(c)
			return !io.May(match.Callee(info, call))
		case useBeside:
			return flow.bounded
		}
		return false
	})
}

// useOf classifies the use of a context at c.
func useOf(info *types.Info, c inspector.Cursor, src ctxSource) useKind {
	c = match.Unparen(c)
	if c.ParentEdgeKind() == edge.SelectorExpr_X {
		// tctx.Done() in a select that also waits on the caller's context.
		for sel := range c.Enclosing((*ast.SelectStmt)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			if s, ok := sel.Node().(*ast.SelectStmt); ok && match.Refers(info, s, src.v) {
				return useBeside
			}
			break
		}
		return useOther
	}
	call, ok := argumentOf(c)
	if !ok {
		return useOther
	}
	if isValueLookup(info, call) || apis.SetupOnlyContext(match.Callee(info, call)) {
		return useLookup
	}
	if builtRequest(info, call) && onlyMatched(info, match.Unparen(c).Parent(), src.owner) {
		return useLookup // a request built only to be matched against routes, never sent
	}
	for _, arg := range call.Args {
		if arg != c.Node() && isContext(info.TypeOf(arg)) && match.Refers(info, arg, src.v) {
			return useBeside // f(ctx, tctx), f(r.Context(), tctx)
		}
	}
	return useOther
}

// isValueLookup reports whether call only computes values: it has results,
// none of them an error or a context, no function argument, and no result
// has a method that returns an error (a client, a row or a command that
// does I/O later).
func isValueLookup(info *types.Info, call *ast.CallExpr) bool {
	fn := match.Callee(info, call)
	if fn == nil {
		return false
	}
	sig := fn.Signature()
	if sig.Results().Len() == 0 {
		return false
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if _, ok := sig.Params().At(i).Type().Underlying().(*types.Signature); ok {
			return false
		}
	}
	for i := 0; i < sig.Results().Len(); i++ {
		t := sig.Results().At(i).Type()
		if isLogger(t) {
			continue // a logger looked up from the context: it writes, it does not wait
		}
		if isError(t) || isContext(t) || hasErrorMethod(t) {
			return false
		}
	}
	return true
}

// hasErrorMethod reports whether a method of t or *t returns an error.
func hasErrorMethod(t types.Type) bool {
	sets := []*types.MethodSet{types.NewMethodSet(t)}
	if _, ok := t.Underlying().(*types.Interface); !ok {
		if _, ok := t.(*types.Pointer); !ok {
			sets = append(sets, types.NewMethodSet(types.NewPointer(t)))
		}
	}
	for _, ms := range sets {
		for i := 0; i < ms.Len(); i++ {
			res := ms.At(i).Obj().(*types.Func).Signature().Results()
			for j := 0; j < res.Len(); j++ {
				if isError(res.At(j).Type()) {
					return true
				}
			}
		}
	}
	return false
}

// builtRequest reports whether call makes a request bound to its context
// argument: http.NewRequestWithContext, req.Clone(ctx), req.WithContext(ctx).
func builtRequest(info *types.Info, call *ast.CallExpr) bool {
	if match.IsCallTo(info, call, "net/http", "NewRequestWithContext") {
		return true
	}
	fn := match.Callee(info, call)
	return fn != nil && match.IsMethod(fn, "net/http", "Request", "Clone", "WithContext")
}

// onlyMatched reports whether the request that the call at c builds is
// used in owner only by value lookups (router.Match(req, &m)) and field
// reads: it is never sent, so its context bounds no I/O.
func onlyMatched(info *types.Info, c inspector.Cursor, owner inspector.Cursor) bool {
	v := assignedVar(info, c)
	if v == nil {
		return false
	}
	uses := 0
	for ic := range owner.Preorder((*ast.Ident)(nil)) {
		if info.Uses[ic.Node().(*ast.Ident)] != v {
			continue
		}
		uses++
		switch ic.ParentEdgeKind() {
		case edge.CallExpr_Args:
			if !isValueLookup(info, ic.Parent().Node().(*ast.CallExpr)) {
				return false
			}
		case edge.SelectorExpr_X:
			if sel := info.Selections[ic.Parent().Node().(*ast.SelectorExpr)]; sel == nil || sel.Kind() != types.FieldVal {
				return false // a method: req.Write(w), req.WithContext(ctx)
			}
		default:
			return false
		}
	}
	return uses > 0
}

// discardedByCallee reports whether the fresh root at c is handed straight
// to a function of this package that never reads the context: its
// parameter is blank (_ context.Context), unnamed, or never used in a
// body that is not empty. Nothing can be cancelled through such a parameter, so the fresh
// root cuts nothing.
func discardedByCallee(p *rule.Pass, c inspector.Cursor) bool {
	call, ok := argumentOf(c)
	if !ok {
		return false
	}
	arg := match.Unparen(c).Node()
	idx := -1
	for i, a := range call.Args {
		if a == arg {
			idx = i
		}
	}
	callee := match.Callee(p.TypesInfo, call)
	fd := p.FuncDecl(callee)
	if fd == nil {
		// A function of another package of the module, by its summary.
		sums, _ := p.ResultOf[ctxsum.Analyzer].(*ctxsum.Result) // nil for a rule that does not require it: unknown
		sum, known := sums.Of(callee)
		return known && idx >= 0 && idx < 32 && !call.Ellipsis.IsValid() && sum.Ignores&(1<<idx) != 0
	}
	i := 0
	for _, field := range fd.Type.Params.List {
		if _, variadic := field.Type.(*ast.Ellipsis); variadic {
			return false
		}
		if len(field.Names) == 0 {
			if i == idx {
				return true // unnamed parameter
			}
			i++
			continue
		}
		for _, name := range field.Names {
			if i == idx {
				if name.Name == "_" {
					return true
				}
				// A named parameter the body never reads; an empty body
				// is a stub to be filled in, not a decision.
				v, ok := p.TypesInfo.Defs[name].(*types.Var)
				return ok && len(fd.Body.List) > 0 && !match.Refers(p.TypesInfo, fd.Body, v)
			}
			i++
		}
	}
	return false
}

// defaultOfNilFunc reports whether the fresh root at c is the default of
// an optional context factory: it sits in the body of "if f == nil"
// where f is a function that returns a context.Context (a field or
// variable the user may set), as in
//
//	if opts.BaseContext == nil { base = func() context.Context { return context.Background() } }
//	if w.ctxFactory == nil { hctx = context.Background() } else { hctx = w.ctxFactory() }
//
// The caller opted into a context of its own choosing; the fresh root is
// what the option documents when none is given, not a cut chain.
func defaultOfNilFunc(info *types.Info, c inspector.Cursor, owner inspector.Cursor) bool {
	for cur := c; cur.Valid() && cur != owner; cur = cur.Parent() {
		if cur.ParentEdgeKind() != edge.IfStmt_Body {
			continue
		}
		ifs := cur.Parent().Node().(*ast.IfStmt)
		bin, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
		if !ok || bin.Op != token.EQL {
			continue
		}
		x := bin.X
		if isNilIdent(info, x) {
			x = bin.Y
		} else if !isNilIdent(info, bin.Y) {
			continue
		}
		sig, ok := info.TypeOf(x).Underlying().(*types.Signature)
		if ok && sig.Results().Len() == 1 && isContext(sig.Results().At(0).Type()) {
			return true
		}
	}
	return false
}

func isNilIdent(info *types.Info, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	_, isNil := info.Uses[id].(*types.Nil)
	return isNil
}
