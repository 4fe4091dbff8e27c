package rule

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// IsTestCode reports whether the code at c is test code, which the default
// configuration (tests = false) keeps out of scope: a _test.go file, a file
// that imports testing or testify, or a function outside such files whose
// top-level function uses a *testing.T, *testing.B, *testing.F or
// testing.TB (a parameter, a field such as tc.t, a local). Such functions
// live in test-harness packages (caddytest, testutil) that only tests
// call; they talk to servers the test started. With tests = true it is
// always false: test code is analyzed like any other.
func (p *Pass) IsTestCode(c inspector.Cursor) bool {
	if p.Package != nil && p.Package.Config != nil && p.Package.Config.Tests {
		return false
	}
	if f := p.File(c.Node().Pos()); f != nil && config.IsTestFile(p.Fset.Position(f.FileStart).Filename, f) {
		return true
	}
	fn := match.OutermostFunc(c)
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
	if ftype := match.FuncType(fn.Node()); ftype != nil && ftype.Params != nil {
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
