package sqlcheck

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// queryText is the SQL a call sends, as far as the analysis knows it.
type queryText struct {
	text string
	// lit is the string literal that holds the whole query, when it is
	// one, so that a fix can edit it; nil otherwise.
	lit *ast.BasicLit
}

// texts resolves query expressions to SQL text.
type texts struct {
	info *types.Info
}

func newTexts(info *types.Info) *texts { return &texts{info: info} }

// of returns the SQL text of e: a constant (a literal, a named constant, a
// concatenation of constants), a concatenation with computed parts, a
// fmt.Sprintf with a constant format, or a local variable defined once
// from one of those. Computed parts and Sprintf verbs become holes.
// ok is false when no part of the text is known.
func (qt *texts) of(e ast.Expr, at inspector.Cursor) (queryText, bool) {
	text, ok := qt.resolve(e, at, 0)
	if !ok {
		return queryText{}, false
	}
	lit, _ := ast.Unparen(e).(*ast.BasicLit)
	return queryText{text: text, lit: lit}, true
}

func (qt *texts) resolve(e ast.Expr, at inspector.Cursor, depth int) (string, bool) {
	if depth > 4 {
		return "", false
	}
	e = ast.Unparen(e)
	if tv, ok := qt.info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value), true
	}
	switch e := e.(type) {
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		x, okx := qt.resolve(e.X, at, depth+1)
		y, oky := qt.resolve(e.Y, at, depth+1)
		if !okx && !oky {
			return "", false
		}
		if !okx {
			x = string(hole)
		}
		if !oky {
			y = string(hole)
		}
		return x + y, true
	case *ast.CallExpr:
		if match.IsCallTo(qt.info, e, "fmt", "Sprintf") && len(e.Args) > 0 {
			if tv := qt.info.Types[e.Args[0]]; tv.Value != nil && tv.Value.Kind() == constant.String {
				return sprintfText(constant.StringVal(tv.Value)), true
			}
		}
	case *ast.Ident:
		if def := qt.singleDefinition(e, at); def != nil {
			return qt.resolve(def, at, depth+1)
		}
	}
	return "", false
}

// singleDefinition returns the value a local variable is defined with (or,
// for v, err := f(), the call), when the function never assigns it again
// nor takes its address.
func (qt *texts) singleDefinition(id *ast.Ident, at inspector.Cursor) ast.Expr {
	v, ok := qt.info.Uses[id].(*types.Var)
	if !ok || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	fn, _, _ := match.EnclosingFunc(qt.info, at)
	for outer := range at.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fn = outer // closures may assign it too: search the outermost function
	}
	if !fn.Valid() {
		return nil
	}
	var def ast.Expr
	writes := 0
	for c := range fn.Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.UnaryExpr)(nil), (*ast.IncDecStmt)(nil)) {
		switch n := c.Node().(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if match.Var(qt.info, lhs) != v {
					continue
				}
				writes++
				if n.Tok == token.DEFINE && len(n.Lhs) == len(n.Rhs) {
					def = n.Rhs[i]
				} else if n.Tok == token.DEFINE && len(n.Rhs) == 1 {
					def = n.Rhs[0] // entries, err := fsys.ReadDir(dir): the call that yields it
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if qt.info.Defs[name] == v && len(n.Names) == len(n.Values) {
					writes++
					def = n.Values[i]
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && match.Var(qt.info, n.X) == v {
				writes += 2 // its address escapes: anything may write it
			}
		case *ast.IncDecStmt:
			if match.Var(qt.info, n.X) == v {
				writes += 2
			}
		}
	}
	if writes != 1 {
		return nil
	}
	return def
}

// sprintfText turns a Sprintf format into query text: %% becomes % and
// every verb becomes a hole.
func sprintfText(format string) string {
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			b.WriteByte(format[i])
			continue
		}
		if i+1 < len(format) && format[i+1] == '%' {
			b.WriteByte('%')
			i++
			continue
		}
		i++ // skip flags, width, precision and argument indexes up to the verb
		for i < len(format) && strings.IndexByte("+-# 0123456789.*[]", format[i]) >= 0 {
			i++
		}
		b.WriteByte(hole)
	}
	return b.String()
}
