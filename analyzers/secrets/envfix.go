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
// environment instead (`os.Getenv("GITHUB_TOKEN")`), or nothing when the
// result would not compile: the target is not a string variable or field,
// or a constant that cannot become a variable, or the name os is taken.
func (lc *literalChecker) envFix(b binding, lit ast.Expr) []analysis.SuggestedFix {
	if b.target == nil || b.envName == "" {
		return nil
	}
	var edits []analysis.TextEdit
	switch obj := b.target.(type) {
	case *types.Var:
		if !types.Identical(obj.Type(), types.Typ[types.String]) {
			return nil
		}
	case *types.Const:
		if !lc.constCanBeVar(obj, b) {
			return nil
		}
		edits = append(edits, analysis.TextEdit{Pos: b.decl.TokPos, End: b.decl.TokPos + token.Pos(len("const")), NewText: []byte("var")})
	default:
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
	edits = append(edits, importEdits...)
	edits = append(edits, fix.Replace(lit, name+".Getenv("+strconv.Quote(b.envName)+")"))
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

// constCanBeVar reports whether the constant c can become a string
// variable: unexported (other packages may use it as a constant), alone
// in its declaration, untyped or of type string, and every use in this
// package a string-typed use outside constant declarations.
func (lc *literalChecker) constCanBeVar(c *types.Const, b binding) bool {
	if c.Exported() || b.decl == nil || b.decl.Tok != token.CONST || len(b.decl.Specs) != 1 || len(b.spec.Names) != 1 {
		return false
	}
	if t := c.Type(); !types.Identical(t, types.Typ[types.String]) && !types.Identical(t, types.Typ[types.UntypedString]) {
		return false
	}
	for id, obj := range lc.TypesInfo.Uses {
		if obj != c {
			continue
		}
		if tv, ok := lc.TypesInfo.Types[id]; !ok || !types.Identical(tv.Type, types.Typ[types.String]) || lc.inConstDecl(id.Pos()) {
			return false
		}
	}
	return true
}

// inConstDecl reports whether pos lies in a const declaration.
func (lc *literalChecker) inConstDecl(pos token.Pos) bool {
	if lc.constDecls == nil {
		lc.constDecls = []ast.Node{}
		for c := range lc.Inspector.Root().Preorder((*ast.GenDecl)(nil)) {
			if d := c.Node().(*ast.GenDecl); d.Tok == token.CONST {
				lc.constDecls = append(lc.constDecls, d)
			}
		}
	}
	for _, d := range lc.constDecls {
		if d.Pos() <= pos && pos < d.End() {
			return true
		}
	}
	return false
}
