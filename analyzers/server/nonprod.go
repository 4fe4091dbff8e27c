package server

import (
	"go/ast"
	"strconv"
	"strings"

	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// nonProduction reports whether the code at n is not production code,
// so that a server or TLS setting there cannot cause a production
// incident: a test-support file (one that imports "testing" or testify:
// a harness, a mock server, a fixture loader; it is compiled into test
// binaries only) or a package under an example directory (example,
// examples, _examples: programs to read, which golangci-lint also skips
// by default). rules.toml's tests = true analyzes test-support files too,
// as it does _test.go files.
func nonProduction(p *rule.Pass, n ast.Node) bool {
	if exampleImportPath(p.Pkg.Path()) {
		return true
	}
	if cfg := p.Package.Config; cfg != nil && cfg.Tests {
		return false
	}
	f := fileOf(p, n)
	return f != nil && importsTestSupport(f)
}

// exampleImportPath reports whether an element of path after the first
// (the module's host or root) is an example directory.
func exampleImportPath(path string) bool {
	elems := strings.Split(path, "/")
	for _, e := range elems[1:] {
		switch e {
		case "example", "examples", "_example", "_examples":
			return true
		}
	}
	return false
}

// importsTestSupport reports whether f imports the testing package or
// testify, which production code does not.
func importsTestSupport(f *ast.File) bool {
	for _, imp := range f.Imports {
		path, err := strconv.Unquote(imp.Path.Value)
		if err != nil {
			continue
		}
		if path == "testing" || path == "github.com/stretchr/testify" || strings.HasPrefix(path, "github.com/stretchr/testify/") {
			return true
		}
	}
	return false
}
