// Package astname names declarations as messages and reports show them.
package astname

import "go/ast"

// Receiver returns the base type name of a method receiver type
// expression (T for T, *T, T[K], (*T)), or "" when it has none.
func Receiver(t ast.Expr) string {
	for {
		switch e := t.(type) {
		case *ast.StarExpr:
			t = e.X
		case *ast.ParenExpr:
			t = e.X
		case *ast.IndexExpr:
			t = e.X
		case *ast.IndexListExpr:
			t = e.X
		case *ast.Ident:
			return e.Name
		default:
			return ""
		}
	}
}
