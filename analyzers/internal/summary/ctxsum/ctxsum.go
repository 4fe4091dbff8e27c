// Package ctxsum summarizes what a function does with its
// context.Context parameters: passes them on, replaces them with a fresh
// root, ignores them; and which of its parameters it gives a context
// (req.WithContext(ctx)), for the context rules that follow a value or a
// context into the function it is handed to, in this package or another.
package ctxsum

import (
	"go/ast"
	"go/types"
	"reflect"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/summary"
)

// Func is the summary of one function; bit i of each field is about
// parameter i.
type Func struct {
	Passes   uint32 // the context parameter is passed on to a call (as it is, or derived by context.With…)
	Replaces uint32 // the function makes a fresh root (context.Background or TODO) while the context parameter is in scope
	Ignores  uint32 // the context parameter is unnamed, _, or never read in a non-empty body
	Attaches uint32 // the parameter (a request, a params value) is given a context by a method that takes one, here or in a callee
}

// AFact marks Func as an analysis fact.
func (*Func) AFact() {}

func (f *Func) String() string {
	s := "ctxsum:"
	for _, part := range []struct {
		name string
		bits uint32
	}{{"passes", f.Passes}, {"replaces", f.Replaces}, {"ignores", f.Ignores}, {"attaches", f.Attaches}} {
		if part.bits == 0 {
			continue
		}
		s += " " + part.name
		for i := range 32 {
			if part.bits&(1<<i) != 0 {
				s += " " + strconv.Itoa(i)
			}
		}
	}
	return s
}

// Result answers for functions of the package and of imported ones.
type Result = summary.Result[Func, *Func]

// Analyzer computes the summaries of a package's functions.
var Analyzer = &analysis.Analyzer{
	Name:       "prodlint_ctxsum",
	Doc:        "summarizes how functions use their context parameters and which parameters they give a context",
	Requires:   []*analysis.Analyzer{summary.Analyzer},
	FactTypes:  []analysis.Fact{(*Func)(nil)},
	ResultType: reflect.TypeOf((*Result)(nil)),
	Run: func(pass *analysis.Pass) (any, error) {
		g := pass.ResultOf[summary.Analyzer].(*summary.Graph)
		if !match.Imports(pass.Pkg, "context") && !match.Imports(pass.Pkg, "net/http") {
			g = &summary.Graph{}
		}
		info := pass.TypesInfo
		return summary.Solve[Func](pass, g, func(fn *types.Func, decl inspector.Cursor, of func(*types.Func) (Func, bool)) Func {
			return compute(info, fn, decl.Node().(*ast.FuncDecl), decl, of)
		}), nil
	},
}

func compute(info *types.Info, fn *types.Func, fd *ast.FuncDecl, decl inspector.Cursor, of func(*types.Func) (Func, bool)) Func {
	var f Func
	params := fn.Signature().Params()
	if params.Len() == 0 {
		return f
	}
	index := map[*types.Var]int{}
	ctxParams := false
	for i := range min(params.Len(), 32) {
		v := params.At(i)
		index[v] = i
		if match.IsNamed(v.Type(), "context", "Context") {
			ctxParams = true
			if v.Name() == "" || v.Name() == "_" || len(fd.Body.List) > 0 && !match.Refers(info, fd.Body, v) {
				f.Ignores |= 1 << i
			}
		}
	}
	for c := range decl.Preorder((*ast.CallExpr)(nil)) {
		call := c.Node().(*ast.CallExpr)
		callee := match.Callee(info, call)
		if ctxParams && match.IsFunc(callee, "context", "Background", "TODO") {
			for v, i := range index {
				if match.IsNamed(v.Type(), "context", "Context") && f.Ignores&(1<<i) == 0 {
					f.Replaces |= 1 << i
				}
			}
		}
		// p.WithContext(ctx), p.SetContext(ctx): a method taking a context called on parameter p.
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if v := match.Var(info, sel.X); v != nil {
				if i, isParam := index[v]; isParam {
					if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
						if m, ok := s.Obj().(*types.Func); ok && match.TakesContext(m.Signature()) {
							f.Attaches |= 1 << i
						}
					}
				}
			}
		}
		var cs Func
		known := false
		if callee != nil {
			cs, known = of(callee)
		}
		for j, a := range call.Args {
			v := match.Var(info, a)
			if v == nil {
				if inner, ok := ast.Unparen(a).(*ast.CallExpr); ok && len(inner.Args) > 0 &&
					match.IsFunc(match.Callee(info, inner), "context", "WithCancel", "WithCancelCause", "WithTimeout", "WithDeadline", "WithValue") {
					v = match.Var(info, inner.Args[0])
				}
			}
			i, isParam := index[v]
			if !isParam {
				continue
			}
			if match.IsNamed(v.Type(), "context", "Context") {
				f.Passes |= 1 << i
			}
			if known && j < 32 && cs.Attaches&(1<<j) != 0 && !call.Ellipsis.IsValid() {
				f.Attaches |= 1 << i
			}
		}
	}
	return f
}
