package sqlsum

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/apis"
	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// maxQueries bounds the queries a function's summary carries.
const maxQueries = 4

// values summarizes the package-level variables that hold SQL text.
func (s *summarizer) values() {
	for c := range s.in.Root().Preorder((*ast.ValueSpec)(nil)) {
		spec := c.Node().(*ast.ValueSpec)
		if len(spec.Values) != len(spec.Names) {
			continue
		}
		for i, name := range spec.Names {
			v, ok := s.info.Defs[name].(*types.Var)
			if !ok || v.Parent() != s.pkg.Scope() || s.mutated(v) {
				continue
			}
			if val := s.valueOf(spec.Values[i]); val != nil {
				s.res.values[v] = val
			}
		}
	}
}

// mutated reports whether the package assigns v after its declaration,
// takes its address or writes one of its elements or fields.
func (s *summarizer) mutated(v *types.Var) bool {
	if len(s.idx.Assignments(v)) != 1 {
		return true
	}
	for _, use := range s.idx.Uses(v) {
		c := match.Unparen(use)
		switch c.ParentEdgeKind() {
		case edge.UnaryExpr_X:
			if c.Parent().Node().(*ast.UnaryExpr).Op == token.AND {
				return true
			}
		case edge.IndexExpr_X, edge.SelectorExpr_X:
			if p := match.Unparen(c.Parent()); p.ParentEdgeKind() == edge.AssignStmt_Lhs || p.ParentEdgeKind() == edge.UnaryExpr_X {
				return true
			}
		case edge.AssignStmt_Lhs:
			return true
		}
	}
	return false
}

// valueOf reads the SQL text an initializer holds.
func (s *summarizer) valueOf(e ast.Expr) *Value {
	if t, ok := match.ConstString(s.info, e); ok {
		return &Value{Text: t, HasText: true}
	}
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok {
		return nil
	}
	val := &Value{}
	switch s.info.TypeOf(lit).Underlying().(type) {
	case *types.Slice, *types.Array:
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			if t, ok := match.ConstString(s.info, elt); ok {
				val.Elems = append(val.Elems, t)
			} else if row := s.fieldsOf(elt); row != nil {
				val.ElemFields = append(val.ElemFields, row)
			}
		}
	case *types.Map:
		val.Keyed = true
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			t, ok := match.ConstString(s.info, kv.Value)
			if !ok {
				continue
			}
			val.Elems = append(val.Elems, t)
			if k, ok := match.ConstString(s.info, kv.Key); ok {
				val.Keys = append(val.Keys, Pair{k, t})
			}
		}
	case *types.Struct:
		val.Fields = s.fieldsOf(lit)
	}
	if len(val.Elems) == 0 && len(val.ElemFields) == 0 && len(val.Fields) == 0 {
		return nil
	}
	return val
}

// fieldsOf returns the constant string fields of a struct literal.
func (s *summarizer) fieldsOf(e ast.Expr) []Pair {
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok {
		return nil
	}
	st, ok := s.info.TypeOf(lit).Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	var out []Pair
	for i, elt := range lit.Elts {
		name := ""
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				name = id.Name
			}
			elt = kv.Value
		} else if i < st.NumFields() {
			name = st.Field(i).Name()
		}
		if t, ok := match.ConstString(s.info, elt); ok && name != "" {
			out = append(out, Pair{name, t})
		}
	}
	return out
}

// textSummary: the function returns one string, and every return gives
// it a constant text or the text of a package-level value.
func (s *summarizer) textSummary(d decl, f *Func) {
	sig := d.fn.Signature()
	if sig.Results().Len() != 1 || !types.Identical(sig.Results().At(0).Type().Underlying(), types.Typ[types.String]) {
		return
	}
	qt := NewTexts(s.info, s.res)
	var texts []string
	ok := true
	inBody(d.cur, func(c inspector.Cursor) bool {
		ret := c.Node().(*ast.ReturnStmt)
		if len(ret.Results) != 1 {
			ok = false
			return false
		}
		e := ret.Results[0]
		t, known := match.ConstString(s.info, e)
		if !known {
			if v := qt.packageValue(e); v != nil && v.HasText {
				t, known = v.Text, true
			}
		}
		if !known {
			ok = false
			return false
		}
		if !slices.Contains(texts, t) {
			texts = append(texts, t)
		}
		return true
	}, (*ast.ReturnStmt)(nil))
	if ok && len(texts) > 0 {
		f.Text, f.HasText = strings.Join(texts, Sep), true
	}
}

// querySummary lists the row queries the function runs, itself or through
// the functions it calls, whose bound arguments come from its parameters.
func (s *summarizer) querySummary(d decl, f *Func) {
	params := d.fn.Signature().Params()
	paramsIn := func(args []ast.Expr) []int {
		var out []int
		for i := 0; i < params.Len(); i++ {
			for _, a := range args {
				if match.Refers(s.info, a, params.At(i)) {
					out = append(out, i)
					break
				}
			}
		}
		return out
	}
	add := func(q Query) {
		for _, have := range f.Queries {
			if have.Text == q.Text {
				return
			}
		}
		if len(f.Queries) < maxQueries {
			f.Queries = append(f.Queries, q)
		}
	}
	qt := NewTexts(s.info, s.res)
	inBody(d.cur, func(c inspector.Cursor) bool {
		call := c.Node().(*ast.CallExpr)
		fn := match.Callee(s.info, call)
		if fn == nil || call.Ellipsis.IsValid() {
			return true
		}
		if q, _, ok := apis.QueryOf(fn); ok {
			if q.Kind == apis.QueryExec {
				f.Writes = true
			}
			if q.Kind != apis.QueryRows || q.Arg >= len(call.Args) {
				return true
			}
			text, ok := qt.Of(call.Args[q.Arg], c)
			if !ok {
				return true
			}
			if ps := paramsIn(call.Args[q.Arg+1:]); ps != nil {
				add(Query{Text: text.Text, Params: ps, Via: match.APIName(fn, s.pkg)})
			}
			return true
		}
		g := s.res.Func(fn)
		if g == nil || fn.Origin() == d.fn {
			return true
		}
		if g.Writes {
			f.Writes = true
		}
		for _, gq := range g.Queries {
			var args []ast.Expr
			for _, p := range gq.Params {
				if p < len(call.Args) {
					args = append(args, call.Args[p])
				}
			}
			if ps := paramsIn(args); ps != nil {
				add(Query{Text: gq.Text, Params: ps, Via: gq.Via})
			}
		}
		return true
	}, (*ast.CallExpr)(nil))
}
