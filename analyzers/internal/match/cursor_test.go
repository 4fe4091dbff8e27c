package match_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// TestCursorOf: CursorOf finds every node of a file, including a node
// whose only child spans the same range (an expression statement and its
// call) and a function's name and type.
func TestCursorOf(t *testing.T) {
	const cursorSrc = `package p

func f(x int) int { g(x); return (x) }

func g(int) {}

var v = func() { f(1) }
`
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", cursorSrc, 0)
	if err != nil {
		t.Fatal(err)
	}
	in := inspector.New([]*ast.File{file})
	n := 0
	ast.Inspect(file, func(node ast.Node) bool {
		if node == nil {
			return false
		}
		c, ok := match.CursorOf(in.Root(), node)
		if !ok || c.Node() != node {
			t.Errorf("CursorOf(%T at %s) = %v, %t", node, fset.Position(node.Pos()), c.Node(), ok)
		}
		n++
		return true
	})
	if n < 30 {
		t.Fatalf("visited %d nodes only", n)
	}
	if _, ok := match.CursorOf(in.Root(), &ast.Ident{Name: "x", NamePos: file.Pos()}); ok {
		t.Error("CursorOf found a node that is not in the tree")
	}
}
