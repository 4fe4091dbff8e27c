package config

import (
	"go/ast"
	"path/filepath"
	"strings"
)

// IsSelfGenerator reports whether the files are a code generator's: a main
// package one of whose files carries a //go:generate directive that runs the
// package itself (`go run .`, or `go run` of its own files). Such a program
// is run by hand to rewrite source files of the module and never deployed.
// A generator run from another package's directive (`go run ./gen`) is not
// seen here: that directive is in a file this package does not hold.
func IsSelfGenerator(pkgName string, files []*ast.File, filenames []string) bool {
	if pkgName != "main" {
		return false
	}
	own := map[string]bool{}
	for _, name := range filenames {
		own[filepath.Base(name)] = true
	}
	for _, f := range files {
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if target, ok := goRunTarget(c.Text); ok && (target == "." || target == "./" || own[filepath.Base(target)] && filepath.Dir(target) == ".") {
					return true
				}
			}
		}
	}
	return false
}

// goRunTarget returns the first argument after the flags of a
// `//go:generate go run` directive: the package or file it runs.
func goRunTarget(comment string) (string, bool) {
	rest, ok := strings.CutPrefix(comment, "//go:generate ")
	if !ok {
		return "", false
	}
	args := strings.Fields(rest)
	if len(args) < 3 || args[0] != "go" || args[1] != "run" {
		return "", false
	}
	for i := 2; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") {
			return a, true
		}
		if (a == "-tags" || a == "-mod" || a == "-modfile") && i+1 < len(args) {
			i++ // a flag whose value is the next argument
		}
	}
	return "", false
}

// NamedProduction reports whether a Production glob names the package
// directory rel: the user's word that the code is deployed, whatever
// prodlint infers from its shape.
func (c *Config) NamedProduction(rel string) bool {
	for _, p := range c.Production {
		if MatchGlob(p, rel) {
			return true
		}
	}
	return false
}
