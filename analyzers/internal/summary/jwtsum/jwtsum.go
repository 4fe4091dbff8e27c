// Package jwtsum summarizes what the functions and struct fields of a
// package do with JWTs, and exports the summaries as analysis facts so
// that the JWT rules see them in every package that imports it: which
// functions return a JWT parser, and whether it pins the signing methods
// (WithValidMethods, Parser.ValidMethods); which struct fields hold such
// a parser, set by constructors; and which functions sign the claims
// their caller passes them without adding an expiry.
//
// Each function's summary is computed from its body by the summary
// engine (summary.Iterate: callees first, recursion and the struct fields
// iterated until nothing changes), with the summaries of other packages
// read from their facts. What has no summary is
// unknown: the rules draw no finding from it.
package jwtsum

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/apis"
	"github.com/prodlint/prodlint/analyzers/internal/index"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/summary"
)

// Func is the summary of a function, exported as a fact on it.
type Func struct {
	// Parser is set when the function returns a JWT parser whose
	// configuration is known on every path; Pinned when every one pins
	// the signing methods.
	Parser, Pinned bool
	// Signs lists the parameters (by index) whose claims the function
	// signs (NewWithClaims) as given, itself or through the functions it
	// passes them to: it never touches them otherwise, so it adds no exp.
	Signs []int
}

// AFact marks Func as an analysis fact.
func (*Func) AFact() {}

func (f *Func) String() string { return "jwtsum.Func" }

// Field is the summary of a struct field that holds a JWT parser: every
// value the package stores in it is a parser whose configuration is known.
type Field struct {
	Pinned bool
}

// AFact marks Field as an analysis fact.
func (*Field) AFact() {}

func (f *Field) String() string { return "jwtsum.Field" }

// Analyzer computes the summaries of a package and exports them as facts.
// Its result is a *Result.
var Analyzer = &analysis.Analyzer{
	Name:       "prodlint_jwtsum",
	Doc:        "summarizes the JWT parsers and signing helpers of a package's functions and fields as facts",
	Requires:   []*analysis.Analyzer{inspect.Analyzer, index.Analyzer, summary.Analyzer},
	ResultType: reflect.TypeOf((*Result)(nil)),
	FactTypes:  []analysis.Fact{(*Func)(nil), (*Field)(nil)},
	Run:        run,
}

// Result answers for the functions and fields of the package and of the
// packages it imports.
type Result struct {
	funcs  map[*types.Func]*Func
	fields map[*types.Var]*Field
}

// Func returns the summary of fn, or nil.
func (r *Result) Func(fn *types.Func) *Func {
	if r == nil || fn == nil {
		return nil
	}
	return r.funcs[fn.Origin()]
}

// Field returns the summary of a struct field, or nil.
func (r *Result) Field(v *types.Var) *Field {
	if r == nil || v == nil {
		return nil
	}
	return r.fields[v.Origin()]
}

func run(pass *analysis.Pass) (any, error) {
	r := &Result{funcs: map[*types.Func]*Func{}, fields: map[*types.Var]*Field{}}
	for _, of := range pass.AllObjectFacts() {
		switch f := of.Fact.(type) {
		case *Func:
			if fn, ok := of.Object.(*types.Func); ok {
				r.funcs[fn] = f
			}
		case *Field:
			if v, ok := of.Object.(*types.Var); ok {
				r.fields[v] = f
			}
		}
	}
	if pass.TypesInfo == nil || len(pass.Files) == 0 || !importsJWT(pass.Pkg, r) {
		return r, nil // no syntax, or nothing about JWTs here
	}
	s := &summarizer{
		info: pass.TypesInfo,
		pkg:  pass.Pkg,
		in:   pass.ResultOf[inspect.Analyzer].(*inspector.Inspector),
		idx:  pass.ResultOf[index.Analyzer].(*index.Index),
		res:  r,
	}
	// The summary engine: functions callees first, recursion iterated
	// until nothing changes; then the fields, whose values are the
	// functions' results, and the functions again while a field changed.
	summary.Iterate(pass.ResultOf[summary.Analyzer].(*summary.Graph), func(fn *types.Func, cur inspector.Cursor) bool {
		d := decl{fn, cur, cur.Node().(*ast.FuncDecl)}
		next := s.summarize(d)
		prev := r.funcs[d.fn]
		if equal(prev, next) {
			return false
		}
		if next == nil {
			delete(r.funcs, d.fn)
		} else {
			r.funcs[d.fn] = next
		}
		return true
	}, s.fields)
	for fn, f := range r.funcs {
		if fn.Pkg() == pass.Pkg {
			pass.ExportObjectFact(fn, f)
		}
	}
	for v, f := range r.fields {
		if v.Pkg() == pass.Pkg {
			pass.ExportObjectFact(v, f)
		}
	}
	return r, nil
}

// importsJWT reports whether pkg imports a JWT library, or a package with
// a JWT summary: only those can have one.
func importsJWT(pkg *types.Package, r *Result) bool {
	for _, imp := range pkg.Imports() {
		if apis.IsJWTPackage(imp) {
			return true
		}
	}
	return len(r.funcs) > 0 || len(r.fields) > 0
}

type summarizer struct {
	info *types.Info
	pkg  *types.Package
	in   *inspector.Inspector
	idx  *index.Index
	res  *Result
}

type decl struct {
	fn  *types.Func
	cur inspector.Cursor
	fd  *ast.FuncDecl
}

func equal(a, b *Func) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Parser == b.Parser && a.Pinned == b.Pinned && slices.Equal(a.Signs, b.Signs)
}

func (s *summarizer) summarize(d decl) *Func {
	f := &Func{}
	s.parserSummary(d, f)
	s.signSummary(d, f)
	if !f.Parser && len(f.Signs) == 0 {
		return nil
	}
	return f
}

// isJWTFunc reports whether obj is a package-level function of a JWT
// library named one of names.
func isJWTFunc(obj types.Object, names ...string) bool {
	fn, ok := obj.(*types.Func)
	return ok && fn != nil && fn.Signature().Recv() == nil && apis.IsJWTPackage(fn.Pkg()) && slices.Contains(names, fn.Name())
}

// isParserType reports whether t is a JWT library's Parser or a pointer to it.
func isParserType(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Name() == "Parser" && apis.IsJWTPackage(n.Obj().Pkg())
}

// ParserOf reads how the parser e yields is configured: jwt.NewParser
// with options that are direct calls of the library, a Parser literal,
// new(jwt.Parser), a function whose summary says, a field whose summary
// says, or a local variable given one value of those. known is false for
// anything else.
func ParserOf(info *types.Info, sum *Result, idx *index.Index, e ast.Expr) (known, pinned bool) {
	return parserOf(info, sum, idx, e, 0)
}

func parserOf(info *types.Info, sum *Result, idx *index.Index, e ast.Expr, depth int) (known, pinned bool) {
	if depth > 3 {
		return false, false
	}
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch e := e.(type) {
	case *ast.CallExpr:
		fn := match.Callee(info, e)
		if fn != nil && isJWTFunc(fn, "NewParser") {
			if e.Ellipsis.IsValid() {
				return false, false
			}
			for _, opt := range e.Args {
				oc, ok := ast.Unparen(opt).(*ast.CallExpr)
				if !ok {
					return false, false
				}
				ofn := match.Callee(info, oc)
				switch {
				case ofn != nil && isJWTFunc(ofn, "WithValidMethods"):
					pinned = true
				case ofn == nil || !apis.IsJWTPackage(ofn.Pkg()):
					return false, false
				}
			}
			return true, pinned
		}
		if f := sum.Func(fn); f != nil && f.Parser {
			return true, f.Pinned
		}
		if match.IsBuiltin(info, e.Fun, "new") && len(e.Args) == 1 && isParserType(info.TypeOf(e.Args[0])) {
			return true, false
		}
	case *ast.CompositeLit:
		if !isParserType(info.TypeOf(e)) {
			return false, false
		}
		for _, elt := range e.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				return false, false
			}
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "ValidMethods" && !match.IsNil(info, kv.Value) {
				return true, true
			}
		}
		return true, false
	case *ast.SelectorExpr:
		if f := sum.Field(match.FieldSelection(info, e)); f != nil {
			return true, f.Pinned
		}
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok || v.IsField() || v.Parent() == v.Pkg().Scope() {
			return false, false
		}
		as := idx.Assignments(v)
		if len(as) != 1 || as[0].Value == nil || as[0].Multi {
			return false, false
		}
		for _, use := range idx.Uses(v) {
			c := match.Unparen(use)
			if c.ParentEdgeKind() == edge.UnaryExpr_X ||
				(c.ParentEdgeKind() == edge.SelectorExpr_X && match.Unparen(c.Parent()).ParentEdgeKind() == edge.AssignStmt_Lhs) {
				return false, false // its address taken, or a field (ValidMethods) set later
			}
		}
		return parserOf(info, sum, idx, as[0].Value, depth+1)
	}
	return false, false
}

// parserSummary: the function returns a parser, known on every path.
func (s *summarizer) parserSummary(d decl, f *Func) {
	sig := d.fn.Signature()
	at := -1
	for i := 0; i < sig.Results().Len(); i++ {
		if isParserType(sig.Results().At(i).Type()) {
			at = i
		}
	}
	if at < 0 {
		return
	}
	ok, any, pinned := true, false, true
	inBody(d.cur, func(c inspector.Cursor) bool {
		ret := c.Node().(*ast.ReturnStmt)
		if len(ret.Results) != sig.Results().Len() {
			ok = false
			return false
		}
		e := ret.Results[at]
		if match.IsNil(s.info, e) {
			return true
		}
		known, pin := ParserOf(s.info, s.res, s.idx, e)
		if !known {
			ok = false
			return false
		}
		any = true
		pinned = pinned && pin
		return true
	}, (*ast.ReturnStmt)(nil))
	if ok && any {
		f.Parser, f.Pinned = true, pinned
	}
}

// fields summarizes the struct fields of the package's types that hold a
// parser: every value stored in one is known. It reports whether a
// summary changed.
func (s *summarizer) fields() bool {
	changed := false
	byField := map[*types.Var][]ast.Expr{}
	for _, a := range s.idx.AllAssignments() {
		v := index.AssignedVar(s.info, a.Target.Node().(ast.Expr))
		if v == nil || !v.IsField() || v.Pkg() != s.pkg || !isParserType(v.Type()) {
			continue
		}
		if a.Value == nil || a.Multi {
			byField[v.Origin()] = append(byField[v.Origin()], nil)
			continue
		}
		byField[v.Origin()] = append(byField[v.Origin()], a.Value)
	}
	for v, values := range byField {
		ok, pinned := true, true
		for _, e := range values {
			if e == nil {
				ok = false
				break
			}
			known, pin := ParserOf(s.info, s.res, s.idx, e)
			if !known {
				ok = false
				break
			}
			pinned = pinned && pin
		}
		prev := s.res.fields[v]
		if ok && !v.Exported() { // an exported field may be set by other packages
			if prev == nil || prev.Pinned != pinned {
				s.res.fields[v] = &Field{Pinned: pinned}
				changed = true
			}
		} else if prev != nil {
			delete(s.res.fields, v)
			changed = true
		}
	}
	return changed
}

// signSummary: a parameter whose only uses are as the claims of
// NewWithClaims, or as an argument a callee signs.
func (s *summarizer) signSummary(d decl, f *Func) {
	params := d.fn.Signature().Params()
	for i := 0; i < params.Len(); i++ {
		p := params.At(i)
		uses := s.idx.UsesIn(d.cur, p)
		if len(uses) == 0 {
			continue
		}
		signs := true
		for _, use := range uses {
			c := match.Unparen(use)
			kind, at := c.ParentEdge()
			if kind != edge.CallExpr_Args {
				signs = false
				break
			}
			call := c.Parent().Node().(*ast.CallExpr)
			fn := match.Callee(s.info, call)
			switch {
			case fn == nil:
				signs = false // a function value: what it does is out of sight
			case isJWTFunc(fn, "NewWithClaims") && at == 1:
			case fn != nil && fn.Origin() != d.fn && s.res.Func(fn) != nil && slices.Contains(s.res.Func(fn).Signs, at):
			default:
				signs = false
			}
			if !signs {
				break
			}
		}
		if signs {
			f.Signs = append(f.Signs, i)
		}
	}
}

// inBody walks the nodes of a function body of the given types, not
// descending into function literals.
func inBody(body inspector.Cursor, f func(inspector.Cursor) bool, types ...ast.Node) {
	filter := append([]ast.Node{(*ast.FuncLit)(nil)}, types...)
	body.Inspect(filter, func(c inspector.Cursor) bool {
		if _, ok := c.Node().(*ast.FuncLit); ok {
			return false
		}
		return f(c)
	})
}
