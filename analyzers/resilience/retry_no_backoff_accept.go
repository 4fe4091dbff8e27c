package resilience

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/apis"
	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// acceptLoop is a server's accept loop that, when Accept fails, goes
// round to call it again: a candidate of retry-no-backoff. Once the
// listener is closed, or while the process is out of file descriptors,
// Accept fails at once every time, so such a loop spins unless it waits.
type acceptLoop struct {
	loop   inspector.Cursor // *ast.ForStmt or *ast.RangeStmt
	flow   *flow
	call   inspector.Cursor // the Accept call
	errVar *types.Var       // the variable that receives Accept's error
}

// findAcceptLoops returns the loops of the package that call a listener's
// Accept and, on a path where its error is not nil, come back for another
// call (a continue, or the end of the body), one per loop, leaving out the
// loops in skip (already retry loops). leaving are the accept loops whose
// every error path leaves the loop: no candidates, named for -explain.
func findAcceptLoops(info *types.Info, pf *packageFacts, skip map[ast.Node]bool) (loops []acceptLoop, leaving []inspector.Cursor) {
	seen := map[ast.Node]bool{}
	for _, c := range pf.calls {
		if !isAccept(match.Callee(info, c.Node().(*ast.CallExpr))) {
			continue
		}
		loop := innermostLoop(c)
		if !loop.Valid() || seen[loop.Node()] || skip[loop.Node()] {
			continue
		}
		assign := callAssignment(listStmt(c).Node())
		if assign == nil || len(assign.Rhs) != 1 || ast.Unparen(assign.Rhs[0]) != c.Node() {
			continue
		}
		errVar := lastErrorVar(info, assign)
		if errVar == nil {
			continue // the error is discarded: what follows is not decided by it
		}
		seen[loop.Node()] = true
		f := newFlow(info, loop)
		if retries, _ := f.retriesOnError(c, false); !retries && !f.continuesOnErrorTest(c, errVar) {
			leaving = append(leaving, loop)
			continue
		}
		loops = append(loops, acceptLoop{loop: loop, flow: f, call: c, errVar: errVar})
	}
	return loops, leaving
}

// continuesOnErrorTest reports whether a statement after the call at c
// tests its error, in its condition or its init (if ne, ok :=
// err.(net.Error); ok && ne.Temporary()), and continues the loop. The
// reading of retriesOnError stops at the first test of err != nil, which
// decides a retry; a continue on a test before it comes back too.
func (f *flow) continuesOnErrorTest(c inspector.Cursor, errVar *types.Var) bool {
	for s, ok := listStmt(c).NextSibling(); ok && !assignsAny(f.info, s.Node(), errVar); s, ok = s.NextSibling() {
		if f.continuesOnResult(s.Node(), []*types.Var{errVar}) {
			return true
		}
	}
	return false
}

// importedNet returns the package net when pkg is net or imports it, or
// nil.
func importedNet(pkg *types.Package) *types.Package {
	if pkg == nil {
		return nil
	}
	if pkg.Path() == "net" {
		return pkg
	}
	for _, imp := range pkg.Imports() {
		if imp.Path() == "net" {
			return imp
		}
	}
	return nil
}

// netInterface returns the interface type net.name (Listener, Error), or
// nil when netPkg is nil.
func netInterface(netPkg *types.Package, name string) *types.Interface {
	if netPkg == nil {
		return nil
	}
	obj, ok := netPkg.Scope().Lookup(name).(*types.TypeName)
	if !ok {
		return nil
	}
	iface, _ := obj.Type().Underlying().(*types.Interface)
	return iface
}

// isAccept reports whether fn waits for the next connection of a
// listener: a method the API tables list as an accept (net.Listener's
// Accept, *net.TCPListener's AcceptTCP), or the method by which a type
// that implements net.Listener satisfies its Accept.
func isAccept(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	if apis.IsAccept(fn) {
		return true
	}
	sig := fn.Signature()
	if sig.Recv() == nil || sig.Params().Len() != 0 || sig.Results().Len() != 2 {
		return false // no Accept of a listener: the fast path for every other call
	}
	return implementsVia("Listener", fn, apis.IsAccept)
}

// implementsVia reports whether fn is the method by which its receiver
// type implements the interface net.name, in the place of one of the
// interface's methods for which which holds. The package that declares
// such a method imports net: its signatures name net's types.
func implementsVia(name string, fn *types.Func, which func(*types.Func) bool) bool {
	recv := fn.Signature().Recv()
	iface := netInterface(importedNet(fn.Pkg()), name)
	if recv == nil || iface == nil {
		return false
	}
	t := recv.Type()
	if !types.Implements(t, iface) {
		if _, isPtr := t.(*types.Pointer); isPtr || types.IsInterface(t) || !types.Implements(types.NewPointer(t), iface) {
			return false
		}
		t = types.NewPointer(t)
	}
	for m := range iface.Methods() {
		if !which(m) {
			continue
		}
		if obj, _, _ := types.LookupFieldOrMethod(t, true, fn.Pkg(), m.Name()); obj == fn {
			return true
		}
	}
	return false
}

// listenerName returns the listener whose Accept the loop calls, as
// written (ln, s.listener), and the method's name.
func (a acceptLoop) listenerName() (listener, method string) {
	call := a.call.Node().(*ast.CallExpr)
	fn := match.Callee(a.flow.info, call)
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		return types.ExprString(sel.X), fn.Name()
	}
	return "the listener", fn.Name()
}

// continuesOnlyOnTimeout reports whether the accept loop comes back on an
// Accept error only after a test that it is a timeout (a net.Error whose
// Timeout method says so), and leaves on every other error:
//
//	conn, err := ln.Accept()
//	if err != nil {
//		if ne, ok := err.(net.Error); ok && ne.Timeout() {
//			continue
//		}
//		return err
//	}
//
// A timeout comes only after Accept waited out a deadline set on the
// listener; a closed listener or a lack of file descriptors is no timeout,
// and ends the loop.
func (a acceptLoop) continuesOnlyOnTimeout() bool {
	f := a.flow
	stmt := listStmt(a.call)
	// The first if that tests err != nil and always leaves ends the error
	// path; before it, only ifs guarded by a timeout test may come back.
	var end ast.Node
	for s, ok := stmt.NextSibling(); ok && end == nil; s, ok = s.NextSibling() {
		switch n := s.Node().(type) {
		case *ast.IfStmt:
			if n.Init == nil && nilCheck(f.info, n.Cond, a.errVar) == token.NEQ && len(n.Body.List) > 0 &&
				f.exits(n.Body.List[len(n.Body.List)-1], false) && n.Else == nil {
				end = n
			} else if !a.isTimeoutTest(n.Cond) && match.Refers(f.info, n, a.errVar) {
				return false
			}
		default:
			if match.Refers(f.info, n, a.errVar) || assignsAny(f.info, n, a.errVar) {
				return false
			}
		}
	}
	if end == nil {
		return false
	}
	for bc := range f.ownContinues(f.loop) {
		if bc.Node().Pos() > end.End() {
			break // a continue after the error path skips a connection that was accepted
		}
		guarded := false
		for ic := range bc.Enclosing((*ast.IfStmt)(nil)) {
			if ic.Node().Pos() < stmt.Node().Pos() {
				break
			}
			if a.isTimeoutTest(ic.Node().(*ast.IfStmt).Cond) && inBody(ic.Node().(*ast.IfStmt), bc.Node()) {
				guarded = true
				break
			}
		}
		if !guarded {
			return false
		}
	}
	return true
}

// inBody reports whether n is in the body (not the else) of ifs.
func inBody(ifs *ast.IfStmt, n ast.Node) bool {
	return ifs.Body.Pos() <= n.Pos() && n.End() <= ifs.Body.End()
}

// isTimeoutTest reports whether cond holds only when the error is a
// timeout: a conjunct of it calls, not negated, the Timeout method of a
// net.Error (the interface itself, or a type that implements it, such as
// *net.OpError).
func (a acceptLoop) isTimeoutTest(cond ast.Expr) bool {
	isTimeout := func(m *types.Func) bool { return match.IsMethod(m, "net", "Error", "Timeout") }
	for _, e := range conjuncts(cond) {
		call, ok := e.(*ast.CallExpr)
		if !ok {
			continue
		}
		fn := match.Callee(a.flow.info, call)
		if fn == nil {
			continue
		}
		if isTimeout(fn) || implementsVia("Error", fn, isTimeout) {
			return true
		}
	}
	return false
}

// handsErrorOn reports whether the loop, on an Accept error, sends on a
// channel in its own goroutine (errc <- err) from the body of an if that
// tests the error, outside a select with a default: a send blocks until a
// receiver takes it, so the loop goes round only as fast as another
// goroutine takes its errors, and that goroutine decides what an error
// means (it usually stops the server, and the loop blocks for good).
func (a acceptLoop) handsErrorOn() bool {
	f := a.flow
	for s, ok := listStmt(a.call).NextSibling(); ok && !assignsAny(f.info, s.Node(), a.errVar); s, ok = s.NextSibling() {
		ifs, isIf := s.Node().(*ast.IfStmt)
		if !isIf || !match.Refers(f.info, ifs.Cond, a.errVar) && (ifs.Init == nil || !match.Refers(f.info, ifs.Init, a.errVar)) {
			continue
		}
		body, ok := s.FindNode(ifs.Body)
		if !ok {
			continue
		}
		for sc := range body.Preorder((*ast.SendStmt)(nil)) {
			if !runsElsewhere(sc, a.loop) && !inPolledSelect(sc) {
				return true
			}
		}
	}
	return false
}

// inPolledSelect reports whether the send at c is the case of a select
// with a default, which gives up instead of waiting for a receiver.
func inPolledSelect(c inspector.Cursor) bool {
	clause, ok := c.Parent().Node().(*ast.CommClause)
	if !ok || clause.Comm != c.Node() {
		return false
	}
	sel, ok := c.Parent().Parent().Parent().Node().(*ast.SelectStmt) // CommClause -> body -> select
	return ok && hasDefault(sel)
}

// stopsSometimes reports whether the loop already leaves on some errors
// or on a stop signal: an exit (return, break out, panic) in the body of
// an if that tests Accept's error, or a look at a context or a quit
// channel (exitsOnCtx). Such a loop ends after Close; it spins while the
// process is out of file descriptors.
func (a acceptLoop) stopsSometimes() bool {
	f := a.flow
	if f.exitsOnCtx(a.call.Node()) {
		return true
	}
	for s, ok := listStmt(a.call).NextSibling(); ok && !assignsAny(f.info, s.Node(), a.errVar); s, ok = s.NextSibling() {
		ifs, isIf := s.Node().(*ast.IfStmt)
		if !isIf || !match.Refers(f.info, ifs, a.errVar) {
			continue
		}
		leaves := false
		ast.Inspect(ifs, func(n ast.Node) bool {
			if st, ok := n.(ast.Stmt); ok && f.exits(st, false) {
				leaves = true
			}
			_, lit := n.(*ast.FuncLit)
			return !leaves && !lit
		})
		if leaves {
			return true
		}
	}
	return false
}
