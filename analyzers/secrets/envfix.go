package secrets

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"

	"github.com/prodlint/prodlint/analyzers/internal/fix"
)

// envFix returns the fix that reads the value bound by b from the
// environment variable the code names for it (an env struct tag:
// `os.Getenv("WEATHER_API_KEY")`), or nothing when there is no such name or
// the result would not compile: the target is not a string variable or
// field, or a constant that cannot become a variable, or the name os is
// taken.
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
	name, importEdits, ok := fix.ImportName(lc.Fset, file, "os")
	if !ok || !lc.refersToOS(name, lit.Pos()) {
		return nil
	}
	edits := append(importEdits, fix.Replace(lit, name+".Getenv("+strconv.Quote(b.envName)+")"))
	return []analysis.SuggestedFix{fix.New("Read "+b.envName+" from the environment", edits...)}
}

// refersToOS reports whether name, at pos, denotes the os package or
// nothing yet (the fix adds the import); a local os variable would break
// the fix.
func (lc *literalChecker) refersToOS(name string, pos token.Pos) bool {
	scope := lc.Pkg.Scope().Innermost(pos)
	if scope == nil {
		return false
	}
	_, obj := scope.LookupParent(name, pos)
	if obj == nil {
		return true
	}
	pn, ok := obj.(*types.PkgName)
	return ok && pn.Imported().Path() == "os"
}
