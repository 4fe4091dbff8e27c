package ctxcheck

import (
	"go/ast"
	"go/types"

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
	c = unparen(c)
	if c.ParentEdgeKind() != edge.CallExpr_Args {
		return nil, false
	}
	return c.Parent().Node().(*ast.CallExpr), true
}

func unparen(c inspector.Cursor) inspector.Cursor {
	for c.ParentEdgeKind() == edge.ParenExpr_X {
		c = c.Parent()
	}
	return c
}

// processExits finds, once per package, the functions declared in it whose
// body (function literals included) calls os.Exit.
type processExits struct {
	p     *rule.Pass
	decls map[*types.Func]*ast.FuncDecl
	exits map[*types.Func]bool
}

func newProcessExits(p *rule.Pass) *processExits {
	return &processExits{p: p}
}

// endsProcess reports whether the fresh root at c is handed to a function
// of this package that ends the process (caddy's exitProcess from the
// admin /stop handler): the shutdown it runs must outlive the request
// that asked for it, since finishing that request is part of stopping.
func (x *processExits) endsProcess(c inspector.Cursor) bool {
	call, ok := argumentOf(c)
	if !ok {
		return false
	}
	fn := match.Callee(x.p.TypesInfo, call)
	if fn == nil || fn.Pkg() != x.p.Pkg {
		return false
	}
	fn = fn.Origin()
	if exits, seen := x.exits[fn]; seen {
		return exits
	}
	if x.decls == nil {
		x.decls = map[*types.Func]*ast.FuncDecl{}
		x.exits = map[*types.Func]bool{}
		for _, f := range x.p.Files {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
					if obj, ok := x.p.TypesInfo.Defs[fd.Name].(*types.Func); ok {
						x.decls[obj] = fd
					}
				}
			}
		}
	}
	exits := false
	if fd := x.decls[fn]; fd != nil {
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && match.IsCallTo(x.p.TypesInfo, call, "os", "Exit") {
				exits = true
			}
			return !exits
		})
	}
	x.exits[fn] = exits
	return exits
}

// propagationPkg is OpenTelemetry's package of TextMapPropagator.
const propagationPkg = "go.opentelemetry.io/otel/propagation"

// startsTraceRoot reports whether the fresh root at c is the base that a
// trace context carried by a message is extracted into
// (propagator.Extract(context.Background(), carrier)), directly or through
// a variable of the function: the work belongs to the message's trace,
// not to the loop or caller that received it (alertmanager's inhibitor,
// once per alert).
func startsTraceRoot(info *types.Info, c inspector.Cursor, owner inspector.Cursor) bool {
	if call, ok := argumentOf(c); ok {
		return isExtract(info, call) && unparen(c).Node() == ast.Unparen(call.Args[0])
	}
	v := assignedVar(info, c)
	if v == nil {
		return false
	}
	for cc := range owner.Preorder((*ast.CallExpr)(nil)) {
		call := cc.Node().(*ast.CallExpr)
		if isExtract(info, call) && len(call.Args) > 0 && match.Var(info, call.Args[0]) == v {
			return true
		}
	}
	return false
}

func isExtract(info *types.Info, call *ast.CallExpr) bool {
	fn := match.Callee(info, call)
	return fn != nil && fn.Name() == "Extract" && fn.Pkg() != nil && fn.Pkg().Path() == propagationPkg &&
		len(call.Args) == 2
}

// assignedVar returns the local variable the expression at c is the whole
// value of (`traceCtx := context.Background()`), or nil.
func assignedVar(info *types.Info, c inspector.Cursor) *types.Var {
	c = unparen(c)
	switch c.ParentEdgeKind() {
	case edge.AssignStmt_Rhs:
		as := c.Parent().Node().(*ast.AssignStmt)
		if len(as.Lhs) == len(as.Rhs) {
			return match.Var(info, as.Lhs[c.ParentEdgeIndex()])
		}
	case edge.ValueSpec_Values:
		vs := c.Parent().Node().(*ast.ValueSpec)
		if len(vs.Names) == len(vs.Values) {
			return match.Var(info, vs.Names[c.ParentEdgeIndex()])
		}
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
