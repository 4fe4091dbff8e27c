package rule

import (
	"go/ast"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"

	"github.com/prodlint/prodlint/analyzers/internal/config"
)

// startsTestServer reports whether a file of the package that is not
// already test code (a _test.go file, a file importing testing or testify)
// starts an httptest server (NewServer, NewUnstartedServer, NewTLSServer). Such a
// package is a fake of some API for tests: a deployed program never serves
// through httptest, which listens on a loopback port picked at random.
// Its handlers and helpers are test support, like a package that imports
// testing, even in the files that do not start the server themselves.
func startsTestServer(pass *analysis.Pass) bool {
	for _, f := range pass.Files {
		if !importsPath(f, "net/http/httptest") || config.IsTestFile(pass.Fset.Position(f.FileStart).Filename, f) {
			continue
		}
		found := false
		ast.Inspect(f, func(n ast.Node) bool {
			if found {
				return false
			}
			if call, ok := n.(*ast.CallExpr); ok && isTestServerStart(pass.TypesInfo, call) {
				found = true
			}
			return true
		})
		if found {
			return true
		}
	}
	return false
}

func isTestServerStart(info *types.Info, call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	fn, ok := info.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "net/http/httptest" {
		return false
	}
	switch fn.Name() {
	case "NewServer", "NewUnstartedServer", "NewTLSServer":
		return true
	}
	return false
}

func importsPath(f *ast.File, path string) bool {
	for _, imp := range f.Imports {
		if p, err := strconv.Unquote(imp.Path.Value); err == nil && p == path {
			return true
		}
	}
	return false
}
