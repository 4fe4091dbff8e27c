// Package summary is the common ground of prodlint's function summaries:
// what a function does with its parameters and results (reads a request
// body without a limit, returns a client without a timeout, passes its
// context on), computed once per function from its body and exported as
// an analysis fact on the function's object, so that the packages that
// import it see it too.
//
// A summary topic (httpsum, ctxsum, …) is one analyzer that
//   - requires Analyzer (this package's call graph of the package's
//     declared functions, in the order callees-first),
//   - declares its fact type (a pointer to a comparable struct, S),
//   - calls Solve with a function that computes the summary of one
//     function from its body, asking Of about the functions it calls,
//   - returns the *Result as its analyzer result.
//
// A topic whose summary is not a comparable struct (it holds lists), or
// that also summarizes package state other than functions (the struct
// fields a package stores values in), keeps its own storage and runs on
// Iterate, the engine under Solve: the same order, the same fixed point.
//
// A rule requires the topic's analyzer and asks the Result about any
// function it sees called: a function of the package (computed here) or
// of an imported package (its fact). No answer (false) means unknown: a
// function outside the analyzed module, or one whose package failed to
// type-check; rules report nothing from an unknown.
//
// Recursion is handled by iterating each strongly connected component of
// the call graph from the zero summary until no summary changes, so S's
// zero value must be the "does nothing" summary and compute must only add
// to what its callees' summaries say (monotone), as for any may-analysis.
package summary

import (
	"go/ast"
	"go/build"
	"go/types"
	"path/filepath"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/prodlint/prodlint/analyzers/internal/index"
)

// Analyzer computes the Graph of a package: its functions and methods
// declared with a body, grouped by recursion, callees first. Computed once
// per package and shared by every summary topic.
var Analyzer = &analysis.Analyzer{
	Name:       "prodlint_summary_graph",
	Doc:        "orders the functions declared in a package callees first, grouping mutually recursive ones",
	Requires:   []*analysis.Analyzer{index.Analyzer},
	ResultType: reflect.TypeOf((*Graph)(nil)),
	Run: func(pass *analysis.Pass) (any, error) {
		if pass.TypesInfo == nil || len(pass.Files) == 0 || inGOROOT(pass) {
			return &Graph{}, nil
		}
		return NewGraph(pass.TypesInfo, pass.ResultOf[index.Analyzer].(*index.Index)), nil
	},
}

// inGOROOT reports whether the package is part of the Go distribution
// (go vet and analysistest load the standard library with syntax too):
// no summary topic looks into its bodies.
func inGOROOT(pass *analysis.Pass) bool {
	root := filepath.Clean(build.Default.GOROOT) + string(filepath.Separator)
	return root != string(filepath.Separator) && strings.HasPrefix(pass.Fset.File(pass.Files[0].Pos()).Name(), root)
}

// Graph is the static call graph among the functions a package declares.
type Graph struct {
	// Components lists the declared functions (with a body) grouped into
	// strongly connected components, each component after every
	// component it calls into.
	Components [][]*types.Func
	decls      map[*types.Func]inspector.Cursor
	recursive  map[*types.Func]bool // functions whose body calls themselves
}

// Decl returns the cursor of fn's declaration in this package.
func (g *Graph) Decl(fn *types.Func) (inspector.Cursor, bool) {
	if fn == nil {
		return inspector.Cursor{}, false
	}
	c, ok := g.decls[fn.Origin()]
	return c, ok
}

// NewGraph builds the graph of the package the index covers.
func NewGraph(info *types.Info, x *index.Index) *Graph {
	g := &Graph{decls: map[*types.Func]inspector.Cursor{}, recursive: map[*types.Func]bool{}}
	var order []*types.Func
	for file := range x.Inspector().Root().Children() {
		for d := range file.Children() {
			fd, ok := d.Node().(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			if fn, ok := info.Defs[fd.Name].(*types.Func); ok {
				g.decls[fn] = d
				order = append(order, fn)
			}
		}
	}
	// Edges, from the index's calls: caller -> callees of the package.
	callees := map[*types.Func][]*types.Func{}
	for c := range x.Calls() {
		fn := typeutil.StaticCallee(info, c.Node().(*ast.CallExpr))
		if fn == nil {
			continue
		}
		fn = fn.Origin()
		if _, local := g.decls[fn]; !local {
			continue
		}
		for dc := range c.Enclosing((*ast.FuncDecl)(nil)) {
			if caller, ok := info.Defs[dc.Node().(*ast.FuncDecl).Name].(*types.Func); ok {
				callees[caller] = append(callees[caller], fn)
				if caller == fn {
					g.recursive[fn] = true
				}
			}
			break
		}
	}
	g.Components = tarjan(order, callees)
	return g
}

// tarjan returns the strongly connected components of the graph, each
// after the components it reaches (Tarjan's algorithm emits them so).
func tarjan(nodes []*types.Func, edges map[*types.Func][]*types.Func) [][]*types.Func {
	var (
		index   = map[*types.Func]int{}
		low     = map[*types.Func]int{}
		onStack = map[*types.Func]bool{}
		stack   []*types.Func
		out     [][]*types.Func
		next    int
	)
	var visit func(v *types.Func)
	visit = func(v *types.Func) {
		index[v], low[v] = next, next
		next++
		stack = append(stack, v)
		onStack[v] = true
		for _, w := range edges[v] {
			if _, seen := index[w]; !seen {
				visit(w)
				low[v] = min(low[v], low[w])
			} else if onStack[w] {
				low[v] = min(low[v], index[w])
			}
		}
		if low[v] == index[v] {
			var comp []*types.Func
			for {
				w := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[w] = false
				comp = append(comp, w)
				if w == v {
					break
				}
			}
			out = append(out, comp)
		}
	}
	for _, v := range nodes {
		if _, seen := index[v]; !seen {
			visit(v)
		}
	}
	return out
}

// InScope reports whether the package's functions are summarized: a
// package with syntax of the main module(s) being analyzed. The standard
// library and required modules are not, whatever the driver (go vet runs
// the analyzers on every dependency, the standalone driver type-checks
// them without function bodies): the same packages have summaries under
// every driver, and a function outside them is unknown.
func InScope(pass *analysis.Pass) bool {
	if pass.TypesInfo == nil || len(pass.Files) == 0 {
		return false
	}
	if m := pass.Module; m != nil && m.Path != "" {
		return m.Version == "" && m.Path != "std" // the main module has no version
	}
	// No module information: the standard library (whose files are under
	// GOROOT) or GOPATH mode (the analyzers' own test data).
	name := pass.Fset.File(pass.Files[0].Pos()).Name()
	root := filepath.Clean(build.Default.GOROOT) + string(filepath.Separator)
	return !strings.HasPrefix(name, root) && !strings.Contains(filepath.ToSlash(name), "/pkg/mod/")
}

// Fact is the constraint on a summary's fact type: a pointer to the
// summary struct S that is an analysis.Fact.
type Fact[S comparable] interface {
	*S
	analysis.Fact
}

// Compute computes the summary of fn, declared at decl, asking of about
// the functions it calls (of answers for functions of the package with
// their summary so far, and for imported ones with their fact).
type Compute[S comparable] func(fn *types.Func, decl inspector.Cursor, of func(*types.Func) (S, bool)) S

// maxRounds bounds the iterations over one recursive component, and the
// passes of Iterate, in case a summary is not monotone: the summaries of
// the last round stand.
const maxRounds = 10

// Iterate is the fixed-point engine every summary topic runs on. It calls
// step on every function the graph holds, components callees first, so
// that a function's callees of the package are summarized before it; a
// recursive component (mutually recursive functions, or one that calls
// itself) is stepped round after round until no step reports a change.
// step recomputes one function's summary from its body and the current
// summaries of its callees, stores it, and reports whether it changed.
//
// A topic whose summaries also depend on package state that is not a
// call (the struct fields a package stores values in, say) passes outer:
// after each pass over the graph, outer recomputes that state and reports
// whether it changed, and the whole is passed again until neither
// changes. Iterate reports whether any step reported a change.
func Iterate(g *Graph, step func(fn *types.Func, decl inspector.Cursor) bool, outer func() bool) bool {
	any := false
	for range maxRounds {
		changed := false
		for _, comp := range g.Components {
			recursive := len(comp) > 1 || g.recursive[comp[0]]
			for range maxRounds {
				again := false
				for _, fn := range comp {
					if step(fn, g.decls[fn]) {
						again = true
					}
				}
				changed = changed || again
				if !again || !recursive {
					break
				}
			}
		}
		any = any || changed
		if outer == nil || !outer() {
			break
		}
	}
	return any
}

// Solve computes the summary of every function the package declares with
// Iterate, and exports a fact for every exported function or method whose
// summary is not the zero one. It returns the Result rules ask.
func Solve[S comparable, F Fact[S]](pass *analysis.Pass, g *Graph, compute Compute[S]) *Result[S, F] {
	return SolveWith[S, F](pass, g, compute, nil)
}

// SolveWith is Solve for a topic whose summaries also depend on package
// state that is not a call (what the package stores in a struct field,
// judged by the summaries of the functions whose results it stores):
// after each pass over the graph, outer recomputes that state from the
// summaries so far and reports whether it changed, and the graph is
// passed again until it does not (Iterate's outer).
func SolveWith[S comparable, F Fact[S]](pass *analysis.Pass, g *Graph, compute Compute[S],
	outer func(of func(*types.Func) (S, bool)) bool) *Result[S, F] {
	r := &Result[S, F]{pass: pass, local: map[*types.Func]S{}}
	if !InScope(pass) {
		return r
	}
	var zero S
	var again func() bool
	if outer != nil {
		again = func() bool { return outer(r.Of) }
	}
	Iterate(g, func(fn *types.Func, decl inspector.Cursor) bool {
		s := compute(fn, decl, r.Of)
		if s == r.local[fn] {
			return false // a zero summary is not stored: Of answers false for it
		}
		r.local[fn] = s
		return true
	}, again)
	for fn, s := range r.local {
		if s == zero || !exported(fn) {
			continue
		}
		f := F(new(S))
		*f = s
		pass.ExportObjectFact(fn, f)
	}
	return r
}

// exported reports whether other packages can call fn: an exported
// function, or an exported method (whatever its receiver type's name: a
// value of an unexported type can be returned).
func exported(fn *types.Func) bool {
	return fn.Exported()
}

// Result answers a summary topic's question for any function: one the
// package declares, or one of an imported package, by its fact.
type Result[S comparable, F Fact[S]] struct {
	pass  *analysis.Pass
	local map[*types.Func]S
}

// Of returns the summary of fn and true, or false when fn's summary is
// unknown: a function with no body in view (the standard library, another
// module, an interface method, a function value). A function of an
// analyzed package with nothing to say has the zero summary and true when
// declared here, and false when imported (no fact is exported for a zero
// summary): both mean "nothing known to do", and rules report nothing
// from either.
func (r *Result[S, F]) Of(fn *types.Func) (S, bool) {
	var zero S
	if r == nil || fn == nil {
		return zero, false
	}
	fn = fn.Origin()
	if s, ok := r.local[fn]; ok {
		return s, true
	}
	if fn.Pkg() == nil || fn.Pkg() == r.pass.Pkg {
		return zero, false
	}
	f := F(new(S))
	if !r.pass.ImportObjectFact(fn, f) {
		return zero, false
	}
	return *f, true
}

// Callee returns the summary of the function call calls statically.
func (r *Result[S, F]) Callee(info *types.Info, call *ast.CallExpr) (S, bool) {
	return r.Of(typeutil.StaticCallee(info, call))
}
