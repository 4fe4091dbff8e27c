// Package fix builds SuggestedFixes: text edits that leave the file
// compiling and gofmt-clean, and the import edits they often need.
package fix

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// New returns a fix with the given imperative message ("Set Timeout on the
// http.Client") and edits.
func New(message string, edits ...analysis.TextEdit) analysis.SuggestedFix {
	return analysis.SuggestedFix{Message: message, TextEdits: edits}
}

// Replace returns an edit that replaces the source of rng with text.
func Replace(rng analysis.Range, text string) analysis.TextEdit {
	return analysis.TextEdit{Pos: rng.Pos(), End: rng.End(), NewText: []byte(text)}
}

// Insert returns an edit that inserts text at pos.
func Insert(pos token.Pos, text string) analysis.TextEdit {
	return analysis.TextEdit{Pos: pos, End: pos, NewText: []byte(text)}
}

// Source returns the gofmt-formatted source of a node.
func Source(fset *token.FileSet, n ast.Node) string {
	var b bytes.Buffer
	if err := format.Node(&b, fset, n); err != nil {
		return ""
	}
	return b.String()
}

// Indent returns the indentation (tabs, as gofmt writes them) of the line
// on which pos stands, assuming gofmt-formatted source.
func Indent(fset *token.FileSet, pos token.Pos) string {
	col := fset.Position(pos).Column
	if col <= 1 {
		return ""
	}
	return strings.Repeat("\t", col-1)
}

// guessPackageName returns the conventional name of the package at path:
// its last element, skipping a major-version suffix ("jwt/v5" → "jwt",
// "gopkg.in/yaml.v3" → "yaml").
func guessPackageName(path string) string {
	elems := strings.Split(path, "/")
	base := elems[len(elems)-1]
	if len(elems) > 1 && isMajorVersion(base) {
		base = elems[len(elems)-2]
	}
	if i := strings.LastIndex(base, ".v"); i > 0 && isMajorVersion(base[i+1:]) {
		base = base[:i]
	}
	return base
}

func isMajorVersion(s string) bool {
	if len(s) < 2 || s[0] != 'v' {
		return false
	}
	for _, c := range s[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// NameAt returns the name by which code at pos can refer to the package at
// path (whose package name is pkgName), with the edits that add its import
// when needed. It is the only way a fix names a package: it checks scope,
// so when a declaration in scope at pos (a local variable, a parameter, a
// package-level declaration named time, say) shadows the file's import or
// the package's usual name, it picks a free alias (timepkg, time2, ...)
// and adds an aliased import, so that the fix builds whatever the file
// declares. A dot or blank import of path is not used; a new import is
// placed in sorted order in the file's first import group, so that the
// file stays gofmt-clean. ok is false only when no free name is found.
func NameAt(pkg *types.Package, fset *token.FileSet, file *ast.File, path, pkgName string, pos token.Pos) (name string, edits []analysis.TextEdit, ok bool) {
	if pkg.Scope().Innermost(pos) == nil {
		return "", nil, false
	}
	denotes := func(name string) bool {
		pn, isPkg := LookupAt(pkg, pos, name).(*types.PkgName)
		return isPkg && pn.Imported().Path() == path
	}
	taken := map[string]bool{}
	for _, imp := range file.Imports {
		p, _ := strconv.Unquote(imp.Path.Value)
		local := guessPackageName(p)
		if imp.Name != nil {
			local = imp.Name.Name
		}
		if p == path && local != "_" && local != "." && denotes(local) {
			return local, nil, true
		}
		taken[local] = true
	}
	candidates := []string{pkgName, pkgName + "pkg"}
	for i := 2; i <= 9; i++ {
		candidates = append(candidates, pkgName+strconv.Itoa(i))
	}
	for _, c := range candidates {
		if taken[c] {
			continue
		}
		if LookupAt(pkg, pos, c) != nil {
			continue // declared in scope at pos, or in the package: the import would not be visible there
		}
		alias := ""
		if c != pkgName || guessPackageName(path) != pkgName {
			alias = c
		}
		return c, importEdits(fset, file, path, alias), true
	}
	return "", nil, false
}

// sortsBefore reports whether an import of the quoted path as alias sorts
// before imp, as gofmt sorts an import group: by path, then by name.
func sortsBefore(quoted, alias string, imp *ast.ImportSpec) bool {
	if quoted != imp.Path.Value {
		return quoted < imp.Path.Value
	}
	name := ""
	if imp.Name != nil {
		name = imp.Name.Name
	}
	return alias < name
}

// LookupAt returns the object that name denotes at pos in pkg, or nil
// when it denotes nothing there.
func LookupAt(pkg *types.Package, pos token.Pos, name string) types.Object {
	scope := pkg.Scope().Innermost(pos)
	if scope == nil {
		return nil
	}
	_, obj := scope.LookupParent(name, pos)
	return obj
}

// importEdits returns the edits that import path (as alias, when not
// empty) in file, in sorted order in its first import group.
func importEdits(fset *token.FileSet, file *ast.File, path, alias string) []analysis.TextEdit {
	quoted := strconv.Quote(path)
	spec := quoted
	if alias != "" {
		spec = alias + " " + quoted
	}
	for _, decl := range file.Decls {
		gen, isGen := decl.(*ast.GenDecl)
		if !isGen || gen.Tok != token.IMPORT {
			continue
		}
		if !gen.Lparen.IsValid() {
			// import "x"  →  import (\n\t"x"\n\t"path"\n)
			first := gen.Specs[0].(*ast.ImportSpec)
			specs := []string{Source(fset, first), spec}
			if sortsBefore(quoted, alias, first) {
				specs[0], specs[1] = specs[1], specs[0]
			}
			text := "import (\n\t" + strings.Join(specs, "\n\t") + "\n)"
			return []analysis.TextEdit{Replace(gen, text)}
		}
		specs := gen.Specs
		if len(specs) == 0 {
			return []analysis.TextEdit{Insert(gen.Lparen+1, "\n\t"+spec+"\n")}
		}
		// Insert before the first spec of the first run of the group
		// that sorts after path, or after the first run.
		for i, s := range specs {
			imp := s.(*ast.ImportSpec)
			if i > 0 && fset.Position(imp.Pos()).Line > fset.Position(specs[i-1].End()).Line+1 {
				break // a blank line ends the first run (std imports by convention)
			}
			if sortsBefore(quoted, alias, imp) {
				return []analysis.TextEdit{Insert(imp.Pos(), spec+"\n\t")}
			}
		}
		last := specs[0]
		for i := 1; i < len(specs); i++ {
			if fset.Position(specs[i].Pos()).Line > fset.Position(specs[i-1].End()).Line+1 {
				break
			}
			last = specs[i]
		}
		return []analysis.TextEdit{Insert(last.End(), "\n\t"+spec)}
	}
	// No imports at all: add one after the package clause.
	return []analysis.TextEdit{Insert(file.Name.End(), "\n\nimport "+spec)}
}
