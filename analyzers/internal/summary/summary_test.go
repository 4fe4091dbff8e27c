package summary_test

import (
	"go/ast"
	"go/types"
	"reflect"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/summary"
)

// panics is a toy summary: the function may call panic, itself or
// through what it calls.
type panics struct{ May bool }

func (*panics) AFact() {}

func (p *panics) String() string { return "panics" }

type result = summary.Result[panics, *panics]

var topic = &analysis.Analyzer{
	Name:       "panicsum",
	Doc:        "toy summary for tests",
	Requires:   []*analysis.Analyzer{summary.Analyzer},
	FactTypes:  []analysis.Fact{(*panics)(nil)},
	ResultType: reflect.TypeOf((*result)(nil)),
	Run: func(pass *analysis.Pass) (any, error) {
		g := pass.ResultOf[summary.Analyzer].(*summary.Graph)
		return summary.Solve[panics](pass, g, func(fn *types.Func, decl inspector.Cursor, of func(*types.Func) (panics, bool)) panics {
			for c := range decl.Preorder((*ast.CallExpr)(nil)) {
				call := c.Node().(*ast.CallExpr)
				if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "panic" {
					return panics{May: true}
				}
				if callee, ok := pass.TypesInfo.Uses[calleeIdent(call)].(*types.Func); ok {
					if s, _ := of(callee); s.May {
						return panics{May: true}
					}
				}
			}
			return panics{}
		}), nil
	},
}

func calleeIdent(call *ast.CallExpr) *ast.Ident {
	switch f := call.Fun.(type) {
	case *ast.Ident:
		return f
	case *ast.SelectorExpr:
		return f.Sel
	}
	return nil
}

// reporter reports every call whose callee may panic, by the topic's
// Result (local summaries and imported facts alike).
var reporter = &analysis.Analyzer{
	Name:     "panicreport",
	Doc:      "reports calls of functions that may panic",
	Requires: []*analysis.Analyzer{topic},
	Run: func(pass *analysis.Pass) (any, error) {
		r := pass.ResultOf[topic].(*result)
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					if s, known := r.Callee(pass.TypesInfo, call); known && s.May {
						pass.Reportf(call.Pos(), "may panic")
					}
				}
				return true
			})
		}
		return nil, nil
	},
}

// TestSolve: mutually recursive functions, a callee declared after its
// caller and a method get the fact; a recursive function that never
// panics does not.
func TestSolve(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), topic, "lib")
}

// TestResultAcrossPackages: the Result answers for imported functions by
// their facts.
func TestResultAcrossPackages(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), reporter, "use")
}

// TestIterateOuter: a topic whose summaries also depend on package state
// (outer) has every function stepped again after that state changed, and
// the engine stops once neither the functions nor the state change.
func TestIterateOuter(t *testing.T) {
	var steps, outers, funcs int
	probe := &analysis.Analyzer{
		Name:     "iterateprobe",
		Doc:      "counts the steps of the engine",
		Requires: []*analysis.Analyzer{summary.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			g := pass.ResultOf[summary.Analyzer].(*summary.Graph)
			funcs = 0
			for _, comp := range g.Components {
				funcs += len(comp)
			}
			steps, outers = 0, 0
			changed := summary.Iterate(g, func(*types.Func, inspector.Cursor) bool {
				steps++
				return false
			}, func() bool {
				outers++
				return outers == 1 // the state changes once
			})
			if changed {
				t.Errorf("Iterate reported a change, but no step did")
			}
			return nil, nil
		},
	}
	analysistest.Run(t, analysistest.TestData(), probe, "iterate")
	if funcs == 0 || outers != 2 || steps < 2*funcs {
		t.Errorf("%d functions: %d steps and %d outer passes; want at least %d steps and 2 outer passes", funcs, steps, outers, 2*funcs)
	}
}
