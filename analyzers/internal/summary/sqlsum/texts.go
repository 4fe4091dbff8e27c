package sqlsum

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// Hole stands in the query text for the parts the Go code computes.
const Hole = '\x00'

// Sep joins the texts of a query that may be any of several (the elements
// of a table ranged over or indexed by a computed key): each is a
// statement of its own.
const Sep = ";\n"

// QueryText is the SQL a call sends, as far as the analysis knows it.
type QueryText struct {
	Text string
	// Lit is the string literal that holds the whole query, when it is
	// one, so that a fix can edit it; nil otherwise.
	Lit *ast.BasicLit
}

// Texts resolves query expressions to SQL text.
type Texts struct {
	info *types.Info
	sum  *Result
}

// NewTexts returns a resolver over the package whose types are info,
// following the summaries of sum (which may be nil).
func NewTexts(info *types.Info, sum *Result) *Texts { return &Texts{info: info, sum: sum} }

// Of returns the SQL text of e: a constant (a literal, a named constant, a
// concatenation of constants), a concatenation with computed parts, a
// fmt.Sprintf with a constant format, a local variable defined once from
// one of those, a package-level value of this or another package that
// holds SQL (a string variable, an element of a slice or map of strings by
// index or through a range variable, a field of a struct value), or a
// call of a function that returns a constant SQL text. Computed parts and
// Sprintf verbs become holes; a value that may be any of several texts
// yields them all, joined by Sep. ok is false when no part of the text is
// known.
func (qt *Texts) Of(e ast.Expr, at inspector.Cursor) (QueryText, bool) {
	text, ok := qt.resolve(e, at, 0)
	if !ok {
		return QueryText{}, false
	}
	lit, _ := ast.Unparen(e).(*ast.BasicLit)
	return QueryText{Text: text, Lit: lit}, true
}

func (qt *Texts) resolve(e ast.Expr, at inspector.Cursor, depth int) (string, bool) {
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
			x = string(Hole)
		}
		if !oky {
			y = string(Hole)
		}
		return x + y, true
	case *ast.CallExpr:
		if match.IsCallTo(qt.info, e, "fmt", "Sprintf") && len(e.Args) > 0 {
			if tv := qt.info.Types[e.Args[0]]; tv.Value != nil && tv.Value.Kind() == constant.String {
				return sprintfText(constant.StringVal(tv.Value)), true
			}
		}
		if f := qt.sum.Func(match.Callee(qt.info, e)); f != nil && f.HasText {
			return f.Text, true
		}
	case *ast.Ident:
		if def := qt.SingleDefinition(e, at); def != nil {
			return qt.resolve(def, at, depth+1)
		}
		if texts := qt.rangeValue(e, at); texts != nil {
			return strings.Join(texts, Sep), true
		}
		if v := qt.packageValue(e); v != nil && v.HasText {
			return v.Text, true
		}
	case *ast.SelectorExpr:
		if v := qt.packageValue(e); v != nil && v.HasText {
			return v.Text, true
		}
		if texts := qt.fieldTexts(e, at); texts != nil {
			return strings.Join(texts, Sep), true
		}
	case *ast.IndexExpr:
		if texts := qt.indexTexts(e); texts != nil {
			return strings.Join(texts, Sep), true
		}
	}
	return "", false
}

// packageValue returns the summary of the package-level variable e names
// (v or pkg.V), or nil.
func (qt *Texts) packageValue(e ast.Expr) *Value {
	v, ok := match.ObjectOf(qt.info, e).(*types.Var)
	if !ok || v.IsField() || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
		return nil
	}
	return qt.sum.Value(v)
}

// indexTexts resolves table[key] for a package-level table: the element
// of a constant key, else every element.
func (qt *Texts) indexTexts(e *ast.IndexExpr) []string {
	v := qt.packageValue(e.X)
	if v == nil {
		return nil
	}
	if v.Keyed {
		if k, ok := match.ConstString(qt.info, e.Index); ok {
			if t, ok := lookup(v.Keys, k); ok {
				return []string{t}
			}
			return nil
		}
	} else if i, ok := match.ConstInt(qt.info, e.Index); ok {
		if i >= 0 && int(i) < len(v.Elems) {
			return []string{v.Elems[i]}
		}
		return nil
	}
	if len(v.Elems) == 0 {
		return nil
	}
	return v.Elems
}

// rangeVar returns the table a range statement's value variable id walks
// (for _, q := range table), when the loop body never assigns it.
func (qt *Texts) rangeVar(id *ast.Ident, at inspector.Cursor) (*Value, bool) {
	v, ok := qt.info.Uses[id].(*types.Var)
	if !ok {
		return nil, false
	}
	for c := range at.Enclosing((*ast.RangeStmt)(nil)) {
		r := c.Node().(*ast.RangeStmt)
		if r.Value == nil || r.Tok != token.DEFINE || qt.info.Defs[ast.Unparen(r.Value).(*ast.Ident)] != v {
			continue
		}
		if assignedIn(qt.info, r.Body, v) {
			return nil, false
		}
		val := qt.packageValue(r.X)
		return val, val != nil
	}
	return nil, false
}

// rangeValue resolves the value variable of a range over a table of
// strings to all its elements.
func (qt *Texts) rangeValue(id *ast.Ident, at inspector.Cursor) []string {
	if val, ok := qt.rangeVar(id, at); ok && len(val.Elems) > 0 {
		return val.Elems
	}
	return nil
}

// fieldTexts resolves a string field of a package-level struct value
// (queries.GetUser) or of the value variable of a range over a table of
// structs (for _, m := range migrations { m.Up }).
func (qt *Texts) fieldTexts(e *ast.SelectorExpr, at inspector.Cursor) []string {
	if v := qt.packageValue(e.X); v != nil {
		if t, ok := lookup(v.Fields, e.Sel.Name); ok {
			return []string{t}
		}
		return nil
	}
	id, ok := ast.Unparen(e.X).(*ast.Ident)
	if !ok {
		return nil
	}
	val, ok := qt.rangeVar(id, at)
	if !ok || len(val.ElemFields) == 0 {
		return nil
	}
	var out []string
	for _, row := range val.ElemFields {
		if t, ok := lookup(row, e.Sel.Name); ok {
			out = append(out, t)
		}
	}
	return out
}

// assignedIn reports whether n assigns v or takes its address.
func assignedIn(info *types.Info, n ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				if match.Var(info, lhs) == v {
					found = true
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && match.Var(info, n.X) == v {
				found = true
			}
		}
		return !found
	})
	return found
}

// SingleDefinition returns the value a local variable is defined with (or,
// for v, err := f(), the call), when the function never assigns it again
// nor takes its address.
func (qt *Texts) SingleDefinition(id *ast.Ident, at inspector.Cursor) ast.Expr {
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
		b.WriteByte(Hole)
	}
	return b.String()
}
