// Package sqlsum summarizes what the functions and package-level values of
// a package do with SQL, and exports the summaries as analysis facts so
// that the SQL rules see them in every package that imports it: which
// functions return a *sql.DB pool (opened per call or not, limited with
// SetMaxOpenConns or not), which *sql.DB parameters a function limits,
// which functions return a constant SQL text or run a row query whose
// bound arguments come from their parameters, and which package-level
// values (a string, a slice or map of strings, a struct of strings) hold
// SQL text.
//
// Each function's summary is computed from its body by the summary
// engine (summary.Iterate: the package's functions callees first,
// recursion iterated until nothing changes), with the summaries of
// functions of other packages read from their facts. A function or value with no summary is unknown:
// the rules draw no finding from it.
package sqlsum

import (
	"go/ast"
	"go/build"
	"go/types"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/index"
	"github.com/prodlint/prodlint/analyzers/internal/summary"
)

// Func is the summary of a function, exported as a fact on it.
type Func struct {
	// Pool is set when the function returns a *sql.DB that it (or a
	// function it calls) opens, on every path that returns one.
	Pool bool
	// Fresh says that every call opens a new pool (sql.Open in its body
	// or in what it calls), rather than returning a shared one.
	Fresh bool
	// Limited says that SetMaxOpenConns is called on the pool before it
	// is returned.
	Limited bool
	// Limits lists the *sql.DB parameters (by index) that the function
	// limits with SetMaxOpenConns, itself or through a function it passes
	// them to, or by storing them in a field its package limits.
	Limits []int
	// Keeps lists the *sql.DB parameters whose every use is seen (method
	// calls, comparisons, fields of the package never limited, functions
	// that keep them too) and none limits them.
	Keeps []int
	// Text is the constant SQL text the function returns, when HasText.
	Text    string
	HasText bool
	// Queries are the row queries (Query, QueryRow, sqlx Get/Select...)
	// the function runs whose bound arguments come from its parameters,
	// directly or through the functions it calls.
	Queries []Query
	// Writes says the function also sends a write (Exec), itself or
	// through the functions it calls: a per-item call of it is a write
	// per item, not a read.
	Writes bool
}

// Query is a row query a function runs on behalf of its caller.
type Query struct {
	// Text is the query's SQL, with Hole for the computed parts.
	Text string
	// Params are the parameters (by index) some bound argument comes from.
	Params []int
	// Via names the call that sends it (sql.DB.QueryRowContext).
	Via string
}

// AFact marks Func as an analysis fact.
func (*Func) AFact() {}

func (f *Func) String() string { return "sqlsum.Func" }

// Value is the SQL text a package-level variable holds, exported as a fact
// on it. The variable is never assigned after its declaration in its
// package, nor its address taken, nor an element written.
type Value struct {
	// Text is the value of a string variable, when HasText.
	Text    string
	HasText bool
	// Elems are the constant strings of a slice, array or map of strings
	// (the map's values), in source order.
	Elems []string
	// Keys pairs the constant keys of a map of strings with their values;
	// Keyed says the value is such a map.
	Keys  []Pair
	Keyed bool
	// Fields pairs the string fields of a struct value with their text.
	Fields []Pair
	// ElemFields holds, for a slice or array of structs, the string fields
	// of each element.
	ElemFields [][]Pair
}

// Pair is a key or field name and the text it holds. Facts hold pairs in
// source order rather than maps, so that their encoding is deterministic.
type Pair struct{ Key, Text string }

// lookup returns the text of key among pairs.
func lookup(pairs []Pair, key string) (string, bool) {
	for _, p := range pairs {
		if p.Key == key {
			return p.Text, true
		}
	}
	return "", false
}

// AFact marks Value as an analysis fact.
func (*Value) AFact() {}

func (v *Value) String() string { return "sqlsum.Value" }

// Analyzer computes the summaries of a package and exports them as facts.
// Its result is a *Result.
var Analyzer = &analysis.Analyzer{
	Name:       "prodlint_sqlsum",
	Doc:        "summarizes the SQL pools, texts and queries of a package's functions and values as facts",
	Requires:   []*analysis.Analyzer{inspect.Analyzer, index.Analyzer, summary.Analyzer},
	ResultType: reflect.TypeOf((*Result)(nil)),
	FactTypes:  []analysis.Fact{(*Func)(nil), (*Value)(nil)},
	Run:        run,
}

// Result answers for the functions and values of the package and of the
// packages it imports.
type Result struct {
	pkg    *types.Package
	funcs  map[*types.Func]*Func
	values map[*types.Var]*Value
}

// Func returns the summary of fn (a function of this package or an
// imported one), or nil when it has none.
func (r *Result) Func(fn *types.Func) *Func {
	if r == nil || fn == nil {
		return nil
	}
	return r.funcs[fn.Origin()]
}

// Value returns the SQL a package-level variable holds, or nil.
func (r *Result) Value(v *types.Var) *Value {
	if r == nil || v == nil {
		return nil
	}
	return r.values[v.Origin()]
}

// ImportsPools reports whether a function of an imported package returns
// a pool: the fast path of the rules that follow pools.
func (r *Result) ImportsPools() bool { return r.imports(func(f *Func) bool { return f.Pool }) }

// ImportsQueries reports whether a function of an imported package runs a
// row query for its caller.
func (r *Result) ImportsQueries() bool {
	return r.imports(func(f *Func) bool { return len(f.Queries) > 0 })
}

func (r *Result) imports(has func(*Func) bool) bool {
	if r == nil {
		return false
	}
	for fn, f := range r.funcs {
		if fn.Pkg() != r.pkg && has(f) {
			return true
		}
	}
	return false
}

func run(pass *analysis.Pass) (any, error) {
	r := &Result{pkg: pass.Pkg, funcs: map[*types.Func]*Func{}, values: map[*types.Var]*Value{}}
	for _, of := range pass.AllObjectFacts() {
		switch f := of.Fact.(type) {
		case *Func:
			if fn, ok := of.Object.(*types.Func); ok {
				r.funcs[fn] = f
			}
		case *Value:
			if v, ok := of.Object.(*types.Var); ok {
				r.values[v] = f
			}
		}
	}
	if pass.TypesInfo == nil || len(pass.Files) == 0 || inGoRoot(pass) {
		return r, nil // a dependency loaded without syntax, or the Go distribution: no SQL of the program
	}
	s := &summarizer{
		info: pass.TypesInfo,
		pkg:  pass.Pkg,
		in:   pass.ResultOf[inspect.Analyzer].(*inspector.Inspector),
		idx:  pass.ResultOf[index.Analyzer].(*index.Index),
		res:  r,
	}
	s.values()
	s.funcs(pass.ResultOf[summary.Analyzer].(*summary.Graph))
	for v, f := range r.values {
		if v.Pkg() == pass.Pkg {
			pass.ExportObjectFact(v, f)
		}
	}
	for fn, f := range r.funcs {
		if fn.Pkg() == pass.Pkg {
			pass.ExportObjectFact(fn, f)
		}
	}
	return r, nil
}

// summarizer computes the summaries of one package.
type summarizer struct {
	info *types.Info
	pkg  *types.Package
	in   *inspector.Inspector
	idx  *index.Index
	res  *Result

	limitedFields map[*types.Var]bool // fields of the package SetMaxOpenConns is called on
}

// decl is a function declaration of the package with its object.
type decl struct {
	fn  *types.Func
	cur inspector.Cursor
	fd  *ast.FuncDecl
}

// funcs computes the function summaries with the summary engine: callees
// first, each recursive component until no summary changes.
func (s *summarizer) funcs(g *summary.Graph) {
	s.limitedFields = s.findLimitedFields()
	summary.Iterate(g, func(fn *types.Func, cur inspector.Cursor) bool {
		d := decl{fn, cur, cur.Node().(*ast.FuncDecl)}
		next := s.summarize(d)
		prev := s.res.funcs[d.fn]
		if equalFunc(prev, next) {
			return false
		}
		if next == nil {
			delete(s.res.funcs, d.fn)
		} else {
			s.res.funcs[d.fn] = next
		}
		return true
	}, nil)
}

func (s *summarizer) summarize(d decl) *Func {
	f := &Func{}
	s.poolSummary(d, f)
	s.paramSummary(d, f)
	s.textSummary(d, f)
	s.querySummary(d, f)
	if !f.Pool && len(f.Limits) == 0 && len(f.Keeps) == 0 && !f.HasText && len(f.Queries) == 0 && !f.Writes {
		return nil
	}
	return f
}

func equalFunc(a, b *Func) bool {
	if a == nil || b == nil {
		return a == b
	}
	if a.Pool != b.Pool || a.Writes != b.Writes || a.Fresh != b.Fresh || a.Limited != b.Limited || a.HasText != b.HasText || a.Text != b.Text ||
		!slices.Equal(a.Limits, b.Limits) || !slices.Equal(a.Keeps, b.Keeps) || len(a.Queries) != len(b.Queries) {
		return false
	}
	for i := range a.Queries {
		if a.Queries[i].Text != b.Queries[i].Text || a.Queries[i].Via != b.Queries[i].Via ||
			!slices.Equal(a.Queries[i].Params, b.Queries[i].Params) {
			return false
		}
	}
	return true
}

// inBody walks the nodes of a function body of the given types, not
// descending into function literals (whose code runs when, and as often
// as, someone calls them).
func inBody(body inspector.Cursor, f func(inspector.Cursor) bool, types ...ast.Node) {
	filter := append([]ast.Node{(*ast.FuncLit)(nil)}, types...)
	body.Inspect(filter, func(c inspector.Cursor) bool {
		if _, ok := c.Node().(*ast.FuncLit); ok {
			return false
		}
		return f(c)
	})
}

// inGoRoot reports whether the package is one of the Go distribution's
// (analysistest and some drivers load them from source), which holds no
// SQL of the program: summarizing it would only cost time.
func inGoRoot(pass *analysis.Pass) bool {
	root := filepath.Join(build.Default.GOROOT, "src") + string(filepath.Separator)
	return strings.HasPrefix(pass.Fset.Position(pass.Files[0].Pos()).Filename, root)
}
