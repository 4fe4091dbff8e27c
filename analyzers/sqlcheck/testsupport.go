package sqlcheck

import (
	"go/ast"
	"strconv"
	"strings"

	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// inTestSupport reports whether n is in a test-support file: one that
// imports "testing" or testify (fixture loaders, debugging dumps, mocks),
// compiled into test binaries only. rules.toml's tests = true analyzes
// them, as it does _test.go files.
func inTestSupport(p *rule.Pass, n ast.Node) bool {
	if cfg := p.Package.Config; cfg != nil && cfg.Tests {
		return false
	}
	for _, f := range p.Files {
		if f.FileStart > n.Pos() || n.Pos() > f.FileEnd {
			continue
		}
		for _, imp := range f.Imports {
			path, err := strconv.Unquote(imp.Path.Value)
			if err == nil && (path == "testing" || path == "github.com/stretchr/testify" ||
				strings.HasPrefix(path, "github.com/stretchr/testify/")) {
				return true
			}
		}
		return false
	}
	return false
}
