package httpclient

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// inTestHelper reports whether the code at c is test code outside a
// _test.go file: its top-level function uses a *testing.T, *testing.B,
// *testing.F or testing.TB (a parameter, a field such as tc.t, a local).
// Such functions live in test-harness packages (caddytest, testutil)
// that only tests call; they talk to servers the test started, and the
// default configuration (tests = false) keeps test code out of scope. With
// tests = true they are analyzed like any other code.
func inTestHelper(p *rule.Pass, c inspector.Cursor) bool {
	if p.Package != nil && p.Package.Config != nil && p.Package.Config.Tests {
		return false
	}
	fn := outermostFunc(c)
	if !fn.Valid() {
		return false
	}
	for id := range fn.Preorder((*ast.Ident)(nil)) {
		v, ok := p.TypesInfo.Uses[id.Node().(*ast.Ident)].(*types.Var)
		if ok && isTestingType(v.Type()) {
			return true
		}
	}
	// A parameter used nowhere (func(t *testing.T) { ... }) still marks it.
	var ftype *ast.FuncType
	switch n := fn.Node().(type) {
	case *ast.FuncDecl:
		ftype = n.Type
	case *ast.FuncLit:
		ftype = n.Type
	}
	if ftype != nil && ftype.Params != nil {
		for _, f := range ftype.Params.List {
			if isTestingType(p.TypesInfo.TypeOf(f.Type)) {
				return true
			}
		}
	}
	return false
}

// isTestingType reports whether t is *testing.T, *testing.B, *testing.F or
// testing.TB.
func isTestingType(t types.Type) bool {
	return t != nil && (match.IsPointerTo(t, "testing", "T", "B", "F") || match.IsNamed(t, "testing", "TB"))
}
