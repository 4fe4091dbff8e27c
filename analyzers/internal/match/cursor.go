package match

import (
	"go/ast"

	"golang.org/x/tools/go/ast/inspector"
)

// CursorOf returns the cursor of node n in the tree rooted at root. It
// descends by position (Cursor.FindByPos), which skips the subtrees that do
// not contain n, where Cursor.FindNode visits every node before n: asking
// once per candidate of a package with FindNode costs a walk of the
// package each time.
func CursorOf(root inspector.Cursor, n ast.Node) (inspector.Cursor, bool) {
	c, ok := root.FindByPos(n.Pos(), n.End())
	// FindByPos returns the innermost node spanning n's range, which may be
	// a child of n with the same range (the call of an expression
	// statement): climb to n.
	for ok && c.Node() != n {
		if c.Node() == nil || c.Node().Pos() != n.Pos() || c.Node().End() != n.End() {
			ok = false
			break
		}
		c = c.Parent()
	}
	if ok {
		return c, true
	}
	return root.FindNode(n)
}
