package secrets

import (
	"go/ast"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"

	"github.com/prodlint/prodlint/analyzers/internal/fix"
)

// envFix returns the fix that reads the value bound by b from the
// environment variable the code names for it (an env struct tag:
// `os.Getenv("WEATHER_API_KEY")`), or nothing when there is no such name or
// the result would not compile: the target is not a string variable or
// field, or a constant that cannot become a variable.
func (lc *literalChecker) envFix(b binding, lit ast.Expr) []analysis.SuggestedFix {
	if b.target == nil || b.envName == "" || !b.envTagged {
		return nil
	}
	v, ok := b.target.(*types.Var)
	if !ok || !types.Identical(v.Type(), types.Typ[types.String]) {
		return nil
	}
	file := lc.File(lit.Pos())
	if file == nil {
		return nil
	}
	name, importEdits, ok := fix.NameAt(lc.Pkg, lc.Fset, file, "os", "os", lit.Pos())
	if !ok {
		return nil
	}
	value := name + ".Getenv(" + strconv.Quote(b.envName) + ")"
	edit := fix.Replace(lit, value)
	if cl, kv := keyedIn(file, lit); kv != nil {
		// A field of a literal: its neighbours' values and comments are
		// aligned with it, so the literal is reformatted as gofmt would.
		src, ok := fix.FileSource(lc.Fset, lc.ReadFile, cl.Pos())
		if !ok {
			return nil
		}
		if edit, ok = fix.Literal(lc.Fset, src, cl, fix.Splice{Pos: lit.Pos(), End: lit.End(), Text: value}); !ok {
			return nil
		}
	}
	edits := append(importEdits, edit)
	return []analysis.SuggestedFix{fix.New("Read "+b.envName+" from the environment", edits...)}
}

// keyedIn returns the composite literal and its key-value element whose
// value is e, or nils when e is not the value of a keyed element.
func keyedIn(file *ast.File, e ast.Expr) (*ast.CompositeLit, *ast.KeyValueExpr) {
	var lit *ast.CompositeLit
	var kv *ast.KeyValueExpr
	ast.Inspect(file, func(n ast.Node) bool {
		if kv != nil || n == nil || n.Pos() > e.Pos() || n.End() < e.End() {
			return false
		}
		if cl, ok := n.(*ast.CompositeLit); ok {
			for _, elt := range cl.Elts {
				if k, ok := elt.(*ast.KeyValueExpr); ok && k.Value == e {
					lit, kv = cl, k
				}
			}
		}
		return kv == nil
	})
	return lit, kv
}
