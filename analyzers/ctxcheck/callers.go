package ctxcheck

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// callSite is a call, in this package, of a function of this package.
type callSite struct {
	call    *ast.CallExpr
	spawned bool // in a go statement: go f(...), go func() { f(...) }()
	cursor  inspector.Cursor
}

// packageCalls answers, from the package index, questions about the
// calls of this package's functions made in this package.
type packageCalls struct {
	p *rule.Pass
}

func newPackageCalls(p *rule.Pass) *packageCalls { return &packageCalls{p: p} }

// of returns the calls of fn, a function of this package, in source order.
func (x *packageCalls) of(fn *types.Func) []callSite {
	if fn == nil || fn.Pkg() != x.p.Pkg {
		return nil
	}
	var sites []callSite
	for _, c := range x.p.Index.CallsOf(fn) {
		sites = append(sites, callSite{c.Node().(*ast.CallExpr), inGoStmt(c), c})
	}
	return sites
}

// inGoStmt reports whether c runs in a go statement of its function.
func inGoStmt(c inspector.Cursor) bool {
	for e := range c.Enclosing((*ast.GoStmt)(nil), (*ast.FuncDecl)(nil)) {
		_, isGo := e.Node().(*ast.GoStmt)
		return isGo
	}
	return false // package level
}

// declared returns the function object of a declaration cursor, or nil
// for a function literal.
func declared(info *types.Info, owner inspector.Cursor) *types.Func {
	fd, ok := owner.Node().(*ast.FuncDecl)
	if !ok {
		return nil
	}
	fn, _ := info.Defs[fd.Name].(*types.Func)
	return fn
}

// passing returns the calls of fn in this package and the index of its
// parameter v, which every call passes; ok is false when v is not a
// parameter of fn, fn is never called, or a call passes fewer arguments.
func (x *packageCalls) passing(fn *types.Func, v *types.Var) (sites []callSite, index int, ok bool) {
	params := fn.Signature().Params()
	index = -1
	for i := range params.Len() {
		if params.At(i) == v {
			index = i
		}
	}
	sites = x.of(fn)
	if index < 0 || len(sites) == 0 {
		return nil, 0, false
	}
	for _, s := range sites {
		if index >= len(s.call.Args) {
			return nil, 0, false
		}
	}
	return sites, index, true
}

// onlySpawned reports whether fn is called in this package, and only in
// go statements (go s.shadowCheck(ctx, req)): its body is detached work,
// as if it were written in the go statement.
func (x *packageCalls) onlySpawned(fn *types.Func) bool {
	sites := x.of(fn)
	for _, s := range sites {
		if !s.spawned {
			return false
		}
	}
	return len(sites) > 0
}

// onlyFreshRoots reports whether fn is called in this package, and every
// call passes context.Background() or context.TODO() (or a variable
// initialized by one) for its context parameter v: on every path this
// package shows, the ctx is itself a fresh root, and another fresh root
// beside it cuts nothing.
func (x *packageCalls) onlyFreshRoots(fn *types.Func, v *types.Var) bool {
	return x.onlyFreshRootsDepth(fn, v, 0)
}

// onlyFreshRootsDepth is onlyFreshRoots, following a call that passes the
// caller's own context parameter on to the callers of that caller (a few
// levels deep): a helper of a helper of a function that starts from
// context.Background() has a fresh root too.
//
// A function other packages can call (an exported name outside package
// main) is not followed: the package shows only some of its callers, and
// those of other packages may pass a live ctx (a FooContext whose in-package
// Foo passes context.Background()).
func (x *packageCalls) onlyFreshRootsDepth(fn *types.Func, v *types.Var, depth int) bool {
	if fn.Exported() && x.p.Pkg.Name() != "main" {
		return false
	}
	sites, index, ok := x.passing(fn, v)
	if !ok {
		return false
	}
	for _, s := range sites {
		arg := s.call.Args[index]
		if isFreshRoot(x.p.TypesInfo, arg) {
			continue
		}
		av := match.Var(x.p.TypesInfo, arg)
		if av != nil && initializedFresh(x.p.TypesInfo, x.p.Inspector, av) {
			continue
		}
		if av != nil && av.Kind() == types.ParamVar && depth < 3 && av != v {
			if caller := match.DeclaredFunc(x.p.TypesInfo, s.cursor); caller != nil && caller != fn &&
				x.onlyFreshRootsDepth(caller, av, depth+1) {
				continue // getToken(ctx): this caller's own callers all pass a fresh root
			}
		}
		return false
	}
	return true
}

// onlyOutgoingRequests reports whether fn is called in this package, and
// every call passes, for its *http.Request parameter v, a request the
// caller has just built (a variable initialized by http.NewRequest or
// NewRequestWithContext): v is an outgoing request being prepared, and its
// Context() is whatever the builder gave it, not the context of a caller.
func (x *packageCalls) onlyOutgoingRequests(fn *types.Func, v *types.Var) bool {
	sites, index, ok := x.passing(fn, v)
	if !ok {
		return false
	}
	for _, s := range sites {
		av := match.Var(x.p.TypesInfo, s.call.Args[index])
		if av == nil {
			return false
		}
		init, ok := ast.Unparen(initializer(x.p.TypesInfo, x.p.Inspector, av)).(*ast.CallExpr)
		if !ok || !match.IsCallTo(x.p.TypesInfo, init, "net/http", "NewRequest", "NewRequestWithContext") {
			return false
		}
	}
	return true
}
