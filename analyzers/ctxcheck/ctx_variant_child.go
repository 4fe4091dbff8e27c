package ctxcheck

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// longLivedChild reports whether the exec.Command at c builds a child
// process meant to outlive the call that starts it: the command, held in
// a local variable, is Start()ed and never Run, Output, CombinedOutput or
// waited on by the function itself (a goroutine may wait on it), and the
// command or its Process is kept (returned, stored, handed on, or watched
// by a goroutine) so that it can be tracked and stopped later; or a
// goroutine the function starts runs it; or the function only builds it
// and returns it, and its caller decides how long it lives.
// CommandContext would kill such a child when the starting call's ctx
// ends: a change of behaviour, not a fix.
func longLivedChild(info *types.Info, c inspector.Cursor) bool {
	v := assignedTo(info, c)
	if v == nil {
		return false
	}
	fc, body, _ := match.EnclosingFunc(info, c)
	if body == nil {
		return false
	}
	started, kept, returned := false, false, false
	for ic := range fc.Preorder((*ast.Ident)(nil)) {
		if info.Uses[ic.Node().(*ast.Ident)] != v {
			continue
		}
		use := ic
		if sel, ok := ic.Parent().Node().(*ast.SelectorExpr); ok && sel.X == ic.Node() {
			switch sel.Sel.Name {
			case "Start":
				started = started || isCalled(ic.Parent())
				continue
			case "Run", "Output", "CombinedOutput":
				if isCalled(ic.Parent()) {
					if inGoroutine(ic, fc) {
						started, kept = true, true // run by a goroutine past the return
						continue
					}
					return false // waits for the child: CommandContext is the twin
				}
				continue
			case "Wait":
				if isCalled(ic.Parent()) && !inGoroutine(ic, fc) {
					return false
				}
				kept = kept || inGoroutine(ic, fc) // a goroutine reaps the child
				continue
			case "Process":
				use = ic.Parent()
				if s2, ok := use.Parent().Node().(*ast.SelectorExpr); ok && s2.X == use.Node() && s2.Sel.Name == "Pid" {
					use = use.Parent()
				}
			default:
				continue // setting Env, Dir, Stdout...
			}
		}
		if match.Unparen(use).ParentEdgeKind() == edge.ReturnStmt_Results {
			returned = true
		}
		kept = kept || keepsValue(use)
	}
	return started && kept || returned && !started
}

// assignedTo returns the local variable the value at c initializes or is
// assigned to (cmd := exec.Command(...)), or nil.
func assignedTo(info *types.Info, c inspector.Cursor) *types.Var {
	switch n := c.Parent().Node().(type) {
	case *ast.AssignStmt:
		if len(n.Lhs) == len(n.Rhs) {
			for i, r := range n.Rhs {
				if r == c.Node() {
					return match.Var(info, n.Lhs[i])
				}
			}
		}
	case *ast.ValueSpec:
		for i, v := range n.Values {
			if v == c.Node() && i < len(n.Names) {
				obj, _ := info.Defs[n.Names[i]].(*types.Var)
				return obj
			}
		}
	}
	return nil
}

// isCalled reports whether the selector at c is the function of a call.
func isCalled(c inspector.Cursor) bool {
	call, ok := c.Parent().Node().(*ast.CallExpr)
	return ok && call.Fun == c.Node()
}

// inGoroutine reports whether c is inside a go statement within fc.
func inGoroutine(c, fc inspector.Cursor) bool {
	for p := c.Parent(); p.Valid() && p != fc; p = p.Parent() {
		if _, ok := p.Node().(*ast.GoStmt); ok {
			return true
		}
	}
	return false
}

// keepsValue reports whether the value at c is kept beyond the expression:
// returned, stored in a literal, assigned (not to _), handed to a call, or
// used in a goroutine.
func keepsValue(c inspector.Cursor) bool {
	switch kind, _ := c.ParentEdge(); kind {
	case edge.ReturnStmt_Results, edge.CompositeLit_Elts, edge.KeyValueExpr_Value, edge.CallExpr_Args, edge.SendStmt_Value:
		return true
	case edge.AssignStmt_Rhs, edge.ValueSpec_Values:
		if as, ok := c.Parent().Node().(*ast.AssignStmt); ok && len(as.Lhs) == 1 {
			if id, ok := as.Lhs[0].(*ast.Ident); ok && id.Name == "_" {
				return false
			}
		}
		return true
	}
	for p := c.Parent(); p.Valid(); p = p.Parent() {
		switch p.Node().(type) {
		case *ast.GoStmt:
			return true
		case *ast.FuncDecl:
			return false
		}
	}
	return false
}
