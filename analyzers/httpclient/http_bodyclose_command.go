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

// onceInCommand reports whether the send at c lies directly in the
// function a command-line command runs, outside any loop and nested
// function literal: a function literal held by a command's run field, or
// an unexported plain function whose every use is such a field's value.
// One invocation of the program runs it once, as it runs main once.
func onceInCommand(p *rule.Pass, c inspector.Cursor) bool {
	if !apis.MayDeclareCommands(p.Pkg) || match.InLoop(c) {
		return false
	}
	for fc := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fd, ok := fc.Node().(*ast.FuncDecl)
		if !ok {
			return commandRunValue(p.TypesInfo, fc)
		}
		fn, _ := p.TypesInfo.Defs[fd.Name].(*types.Func)
		if fn == nil || fd.Recv != nil || fn.Exported() && p.Pkg.Name() != "main" {
			return false
		}
		return onlyCommandRunValue(p, fn)
	}
	return false
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
