package ctxcheck

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// Fresh roots whose purpose the call they are given to makes plain: the
// process is ending, a trace starts for work that came from elsewhere, or a
// hook is registered. Each is recognised by types, not by names.

// argumentOf returns the call that the expression at c is an argument of.
func argumentOf(c inspector.Cursor) (*ast.CallExpr, bool) {
	c = match.Unparen(c)
	if c.ParentEdgeKind() != edge.CallExpr_Args {
		return nil, false
	}
	return c.Parent().Node().(*ast.CallExpr), true
}

// endsProcess reports whether the fresh root at c is handed to a function
// of this package that ends the process (caddy's exitProcess from the
// admin /stop handler): the shutdown it runs must outlive the request
// that asked for it, since finishing that request is part of stopping.
// exits caches the answer per function for the pass.
func endsProcess(p *rule.Pass, exits map[*types.Func]bool, c inspector.Cursor) bool {
	call, ok := argumentOf(c)
	if !ok {
		return false
	}
	fd := p.FuncDecl(match.Callee(p.TypesInfo, call))
	if fd == nil {
		return false
	}
	fn := p.TypesInfo.Defs[fd.Name].(*types.Func)
	if ends, seen := exits[fn]; seen {
		return ends
	}
	ends := false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && match.IsCallTo(p.TypesInfo, call, "os", "Exit") {
			ends = true
		}
		return !ends
	})
	exits[fn] = ends
	return ends
}

// OpenTelemetry's packages, matched by the package of the function or
// interface method called.
const (
	propagationPkg = "go.opentelemetry.io/otel/propagation"
	tracePkg       = "go.opentelemetry.io/otel/trace"
)

// freshFlow is what happens, within the function that owns the ctx, to a
// fresh root and to the contexts derived from it (through context.With*,
// trace calls that return a context, and local variables).
type freshFlow struct {
	bounded      bool // wrapped in context.WithTimeout or WithDeadline
	carriesTrace bool // a trace is carried into it: propagator.Extract, trace.ContextWithSpanContext
	startsSpan   bool // a span is started on it: tracer.Start
	shutsDown    bool // handed to (*http.Server).Shutdown
	// vars are the local variables that hold the fresh root or a context
	// derived from it; cancels are the cancel functions of those
	// derivations (_, cancel := context.WithCancel(...)).
	vars    map[*types.Var]bool
	cancels map[*types.Var]bool
	// end is the outermost expression of the chain of derivations that
	// starts at the fresh root (the root itself, or the context.With* call
	// around it), whether or not it is assigned.
	end inspector.Cursor
}

// followFresh follows the fresh root at c through owner.
func followFresh(info *types.Info, c inspector.Cursor, owner inspector.Cursor) freshFlow {
	flow := freshFlow{vars: map[*types.Var]bool{}, cancels: map[*types.Var]bool{}}
	derived := flow.vars
	// The chain of calls the root is the context argument of:
	// context.WithTimeout(context.Background(), d), tracer.Start(...).
	e := c
	for {
		call, ok := argumentOf(e)
		if !ok || ast.Unparen(call.Args[0]) != match.Unparen(e).Node() {
			break
		}
		if !flow.note(info, call) {
			break
		}
		e = match.Unparen(e).Parent()
	}
	flow.end = e
	if v := assignedVar(info, e); v != nil {
		derived[v] = true
		if c := cancelVar(info, e); c != nil {
			flow.cancels[c] = true
		}
	}
	if len(derived) == 0 {
		return flow
	}
	// Contexts derived from those variables, in source order: a context is
	// derived after the one it comes from.
	for cc := range owner.Preorder((*ast.CallExpr)(nil)) {
		call := cc.Node().(*ast.CallExpr)
		if len(call.Args) == 0 || !derived[match.Var(info, call.Args[0])] || !flow.note(info, call) {
			continue
		}
		if v := assignedVar(info, cc); v != nil {
			derived[v] = true
			if c := cancelVar(info, cc); c != nil {
				flow.cancels[c] = true
			}
		}
	}
	return flow
}

// cancelVar returns the variable that receives the second result of the
// call at c (the cancel of ctx, cancel := context.WithCancel(...)), or nil.
func cancelVar(info *types.Info, c inspector.Cursor) *types.Var {
	c = match.Unparen(c)
	if k := c.ParentEdgeKind(); k != edge.AssignStmt_Rhs && k != edge.ValueSpec_Values {
		return nil
	}
	lhs, rhs, _ := assignment(c.Parent().Node())
	if len(rhs) != 1 || len(lhs) != 2 {
		return nil
	}
	t := info.TypeOf(lhs[1])
	if t == nil {
		return nil
	}
	if sig, ok := t.Underlying().(*types.Signature); !ok || sig.Params().Len() > 1 {
		return nil
	}
	return match.Var(info, lhs[1])
}

// note records what call, whose first argument is the fresh root or a
// context derived from it, does with it, and reports whether its result
// is a context derived from it.
func (f *freshFlow) note(info *types.Info, call *ast.CallExpr) bool {
	fn := match.Callee(info, call)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	switch {
	case match.IsFunc(fn, "context", "WithTimeout", "WithDeadline", "WithTimeoutCause", "WithDeadlineCause"):
		f.bounded = true
		return true
	case match.IsFunc(fn, "context", "WithCancel", "WithCancelCause", "WithValue"):
		return true
	case fn.Pkg().Path() == propagationPkg && fn.Name() == "Extract",
		match.IsFunc(fn, tracePkg, "ContextWithSpanContext", "ContextWithRemoteSpanContext", "ContextWithSpan"):
		f.carriesTrace = true
		return true
	case fn.Pkg().Path() == tracePkg && fn.Name() == "Start" && fn.Signature().Recv() != nil:
		f.startsSpan = true
		return true
	case match.IsMethod(fn, "net/http", "Server", "Shutdown"):
		f.shutsDown = true
	}
	return false
}

// assignedVar returns the variable that the expression at c is assigned
// to: the whole value (`traceCtx := context.Background()`), or the first
// result of a call (`ctx, cancel := context.WithTimeout(...)`).
func assignedVar(info *types.Info, c inspector.Cursor) *types.Var {
	c = match.Unparen(c)
	if k := c.ParentEdgeKind(); k != edge.AssignStmt_Rhs && k != edge.ValueSpec_Values {
		return nil
	}
	lhs, rhs, _ := assignment(c.Parent().Node())
	switch {
	case len(lhs) == len(rhs):
		return match.Var(info, lhs[c.ParentEdgeIndex()])
	case len(rhs) == 1:
		return match.Var(info, lhs[0])
	}
	return nil
}

// registersHook reports whether the fresh root at c is handed to a call
// together with a func() callback (gitea's RunAtShutdown(ctx, func()),
// context.AfterFunc): a callback that takes no context and returns nothing
// is a hook, and the context beside it only decides when or whether it
// runs; its work cannot be cancelled through it. A callback that takes a
// context, or returns an error to be retried or awaited
// (backoff.Retry(ctx, op)), is still reported.
func registersHook(info *types.Info, c inspector.Cursor) bool {
	call, ok := argumentOf(c)
	if !ok {
		return false
	}
	for _, arg := range call.Args {
		t := info.TypeOf(arg)
		if t == nil {
			continue
		}
		if sig, ok := t.Underlying().(*types.Signature); ok && sig.Params().Len() == 0 && sig.Results().Len() == 0 {
			return true
		}
	}
	return false
}

// explainedInComment reports whether the statement holding the fresh root
// at c has a comment ending on the line above it that names the fresh root
// ("background", any case, or "TODO()"), or that runs three lines or more
// about the context, and is not itself a to-do note: the author has written down why this work must not end with
// ctx (openfga's "When the context is canceled, WaitForAllReady should
// still wait ... Therefore, we use [context.Background] here").
func explainedInComment(p *rule.Pass, c inspector.Cursor) bool {
	var stmt inspector.Cursor
	for e := range c.Enclosing() {
		if _, ok := e.Node().(ast.Stmt); ok {
			stmt = e
			break
		}
	}
	file := p.File(c.Node().Pos())
	if !stmt.Valid() || file == nil {
		return false
	}
	tf := p.Fset.File(file.Pos())
	above := tf.Line(stmt.Node().Pos()) - 1
	codeEnds := 0 // the last line of code before the statement: a comment there trails that code
	if prev, ok := stmt.PrevSibling(); ok {
		codeEnds = tf.Line(prev.Node().End())
	}
	for _, cg := range file.Comments {
		if tf.Line(cg.End()) != above || tf.Line(cg.Pos()) <= codeEnds {
			continue
		}
		text := cg.Text()
		lower := strings.ToLower(text)
		names := strings.Contains(lower, "background") || strings.Contains(text, "TODO()")
		long := strings.Count(strings.TrimSpace(text), "\n") >= 2 && (strings.Contains(lower, "context") || strings.Contains(lower, "ctx"))
		if !names && !long {
			continue
		}
		rest := strings.NewReplacer("context.TODO", "", "TODO()", "").Replace(text)
		if !strings.Contains(rest, "TODO") && !strings.Contains(rest, "FIXME") && !strings.Contains(rest, "XXX") {
			return true
		}
	}
	return false
}
