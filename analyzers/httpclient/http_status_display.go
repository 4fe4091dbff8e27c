package httpclient

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// renderedAsText reports whether the body read at read (not decoded) only
// becomes display text, as every failure of the send does: the bytes are
// used only as the source of json.Indent or json.Compact, and after the
// send the send's error is only tested against nil, assigned, or formatted
// into a string by fmt.Sprint, Sprintf or Sprintln that is assigned, never
// returned or wrapped. Such a function shows whatever came back, an error
// page included, as it shows a failed send: nothing uses the body as data.
func renderedAsText(info *types.Info, fn inspector.Cursor, send *ast.CallExpr, read *ast.CallExpr, errVar *types.Var, decoded bool) bool {
	if decoded || !fn.Valid() || errVar == nil {
		return false
	}
	body := readInto(info, fn, read)
	if body == nil {
		return false
	}
	pretty := false
	for _, use := range usesOf(info, fn, body) {
		if use.ParentEdgeKind() == edge.AssignStmt_Lhs {
			continue // the read's own assignment
		}
		if use.ParentEdgeKind() != edge.CallExpr_Args || use.ParentEdgeIndex() != 1 ||
			!match.IsCallTo(info, use.Parent().Node().(*ast.CallExpr), "encoding/json", "Indent", "Compact") {
			return false
		}
		pretty = true
	}
	if !pretty {
		return false
	}
	for _, use := range usesOf(info, fn, errVar) {
		if use.Node().Pos() < send.End() {
			continue // an earlier failure (building the request) is not the send's
		}
		if !errRenderedOrTested(info, use) {
			return false
		}
	}
	return true
}

// readInto returns the variable the bytes of the read at read are
// assigned to (body, err := io.ReadAll(resp.Body)), or nil.
func readInto(info *types.Info, fn inspector.Cursor, read *ast.CallExpr) *types.Var {
	for c := range fn.Preorder((*ast.AssignStmt)(nil)) {
		as := c.Node().(*ast.AssignStmt)
		if len(as.Rhs) == 1 && ast.Unparen(as.Rhs[0]) == read && len(as.Lhs) >= 1 {
			return localVar(info, as.Lhs[0])
		}
	}
	return nil
}

// errRenderedOrTested reports whether the use of an error variable at c
// assigns it, compares it with nil, or is an argument of fmt.Sprint,
// Sprintf or Sprintln whose string is assigned.
func errRenderedOrTested(info *types.Info, c inspector.Cursor) bool {
	switch c.ParentEdgeKind() {
	case edge.AssignStmt_Lhs:
		return true
	case edge.BinaryExpr_X, edge.BinaryExpr_Y:
		b := c.Parent().Node().(*ast.BinaryExpr)
		return (b.Op == token.NEQ || b.Op == token.EQL) && (match.IsNil(info, b.X) || match.IsNil(info, b.Y))
	case edge.CallExpr_Args:
		call := c.Parent()
		return match.IsCallTo(info, call.Node().(*ast.CallExpr), "fmt", "Sprint", "Sprintf", "Sprintln") &&
			call.ParentEdgeKind() == edge.AssignStmt_Rhs
	}
	return false
}
