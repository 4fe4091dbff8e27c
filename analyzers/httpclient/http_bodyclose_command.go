package httpclient

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/apis"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// onceInCommand reports whether the send at c runs at most once per
// invocation of a command-line program: it lies outside any loop of a
// function that one run of a command runs once (runsOncePerCommand).
func onceInCommand(p *rule.Pass, c inspector.Cursor) bool {
	return apis.MayDeclareCommands(p.Pkg) && !match.InLoop(c) && runsOncePerCommand(p, enclosingFunc(c), map[ast.Node]bool{})
}

// returnsOnceInCommand reports whether the send at c lies in a function
// that one run of a command runs once, in a loop or not: a path that
// returns from that function ends its only run.
func returnsOnceInCommand(p *rule.Pass, c inspector.Cursor) bool {
	return apis.MayDeclareCommands(p.Pkg) && runsOncePerCommand(p, enclosingFunc(c), map[ast.Node]bool{})
}

// runsOncePerCommand reports whether the function at fc runs at most once
// per run of a command: a function literal held by a command's run field,
// or an unexported plain function used only as such a value; or a function
// whose every run starts once from one of those, outside any loop: an
// unexported plain function the package only calls, a literal called in
// place (func() { ... }(), go func() { ... }()) or handed to a runner that
// calls it once (errgroup.Group.Go, sync.WaitGroup.Go, sync.Once.Do).
// visiting holds the functions on the way here, so recursion is never once.
func runsOncePerCommand(p *rule.Pass, fc inspector.Cursor, visiting map[ast.Node]bool) bool {
	if !fc.Valid() || visiting[fc.Node()] {
		return false
	}
	visiting[fc.Node()] = true
	defer delete(visiting, fc.Node())
	startsOnce := func(call inspector.Cursor) bool {
		return !match.InLoop(call) && runsOncePerCommand(p, enclosingFunc(call), visiting)
	}
	fd, ok := fc.Node().(*ast.FuncDecl)
	if !ok {
		if commandRunValue(p.TypesInfo, fc) {
			return true
		}
		call, ok := literalCalledOnce(p.TypesInfo, fc)
		return ok && startsOnce(call)
	}
	fn, _ := p.TypesInfo.Defs[fd.Name].(*types.Func)
	if fn == nil || fd.Recv != nil || fn.Exported() && p.Pkg.Name() != "main" || fd.Name.Name == "init" {
		return false
	}
	if onlyCommandRunValue(p, fn) {
		return true
	}
	calls := p.Index.CallsOf(fn)
	if len(calls) == 0 || !onlyCalled(p.TypesInfo, fn, calls) {
		return false
	}
	for _, call := range calls {
		if !startsOnce(call) {
			return false
		}
	}
	return true
}

// literalCalledOnce returns the call that runs the function literal at fc
// once each time it is evaluated: the literal called in place, or handed
// to a runner that calls it once (apis.RunsFuncOnce).
func literalCalledOnce(info *types.Info, fc inspector.Cursor) (inspector.Cursor, bool) {
	lit := match.Unparen(fc)
	switch lit.ParentEdgeKind() {
	case edge.CallExpr_Fun:
		return lit.Parent(), true
	case edge.CallExpr_Args:
		call := lit.Parent().Node().(*ast.CallExpr)
		if len(call.Args) == 1 && apis.RunsFuncOnce(match.Callee(info, call)) {
			return lit.Parent(), true
		}
	}
	return inspector.Cursor{}, false
}

// onlyCommandRunValue reports whether fn is used in its package, and only
// as the value of a command's run field (RunE: fn, cmd.RunE = fn): never
// called, stored or passed anywhere else.
func onlyCommandRunValue(p *rule.Pass, fn *types.Func) bool {
	root := p.Inspector.Root()
	uses := 0
	for id, obj := range p.TypesInfo.Uses {
		if obj != fn {
			continue
		}
		c, ok := root.FindByPos(id.Pos(), id.End())
		if !ok || !commandRunValue(p.TypesInfo, c) {
			return false
		}
		uses++
	}
	return uses > 0
}

// commandRunValue reports whether the expression at c is the value given
// to a command's run field: a key-value element of a cobra.Command literal
// (RunE: f) or the right side of an assignment to the field (cmd.RunE = f).
func commandRunValue(info *types.Info, c inspector.Cursor) bool {
	switch c.ParentEdgeKind() {
	case edge.KeyValueExpr_Value:
		key, ok := c.Parent().Node().(*ast.KeyValueExpr).Key.(*ast.Ident)
		if !ok {
			return false
		}
		field, _ := info.Uses[key].(*types.Var)
		return apis.IsCommandRunField(field)
	case edge.AssignStmt_Rhs:
		as := c.Parent().Node().(*ast.AssignStmt)
		if len(as.Lhs) != len(as.Rhs) {
			return false
		}
		return apis.IsCommandRunField(match.FieldSelection(info, as.Lhs[c.ParentEdgeIndex()]))
	}
	return false
}
