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
	edits := append(importEdits, fix.Replace(lit, name+".Getenv("+strconv.Quote(b.envName)+")"))
	return []analysis.SuggestedFix{fix.New("Read "+b.envName+" from the environment", edits...)}
}
