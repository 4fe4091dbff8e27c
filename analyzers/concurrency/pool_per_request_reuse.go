package concurrency

import (
	"go/ast"
	"go/types"
	"strings"
	"unicode"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// insideOnce reports whether c runs inside a function literal given to
// sync.Once.Do, sync.OnceFunc, sync.OnceValue or sync.OnceValues: once per
// process, whatever encloses it.
func insideOnce(info *types.Info, c inspector.Cursor) bool {
	for lit := range c.Enclosing((*ast.FuncLit)(nil)) {
		if lit.ParentEdgeKind() != edge.CallExpr_Args {
			continue
		}
		call := lit.Parent().Node().(*ast.CallExpr)
		if callsMethod(info, call, "sync", "Once", "Do") || calleeIs(info, call, "sync", "OnceFunc", "OnceValue", "OnceValues") {
			return true
		}
	}
	return false
}

// storedForReuse reports whether the pool built at c is kept beyond the
// call that builds it: assigned to a field, a package variable, a map or
// slice element, returned, sent, or handed to a method of a field or
// package variable (a cache's Store), or to a method of a local variable
// that is itself stored (a setter). Wrappers are seen through: a
// Transport inside a Client literal, or passed to a constructor, is stored
// with it. hops is how many local variables it follows to their uses
// (tr := ...; c := http.Client{Transport: tr}; p.SetClient(&c)).
func storedForReuse(info *types.Info, c inspector.Cursor, hops int) bool {
	for {
		switch c.ParentEdgeKind() {
		case edge.ParenExpr_X, edge.UnaryExpr_X, edge.StarExpr_X, edge.CompositeLit_Elts:
			c = c.Parent()
			continue
		case edge.KeyValueExpr_Value:
			c = c.Parent().Parent() // the literal that holds the field
			continue
		case edge.CallExpr_Args:
			call := c.Parent().Node().(*ast.CallExpr)
			if methodOfKeptValue(info, call) {
				return true
			}
			if v := receiverLocal(info, call); v != nil && hops > 0 && localStored(info, c, v, hops-1) {
				return true // b := newBackend(); b.SetClient(pool); s.backends = append(s.backends, b)
			}
			c = c.Parent() // a constructor or append: its result carries the pool
			continue
		}
		break
	}
	kind, idx := c.ParentEdge()
	switch parent := c.Parent().Node().(type) {
	case *ast.ReturnStmt, *ast.SendStmt:
		return true
	case *ast.AssignStmt:
		if kind != edge.AssignStmt_Rhs {
			return false
		}
		if len(parent.Lhs) != len(parent.Rhs) {
			idx = 0 // pool, err := ...
		}
		return keeps(info, c, parent.Lhs[idx], hops)
	case *ast.ValueSpec:
		if kind != edge.ValueSpec_Values || len(parent.Names) != len(parent.Values) {
			return false
		}
		return keeps(info, c, parent.Names[idx], hops)
	}
	return false
}

// keeps reports whether assigning to lhs keeps the value: a field, a
// package variable, an element, or a local variable that is itself stored.
func keeps(info *types.Info, at inspector.Cursor, lhs ast.Expr, hops int) bool {
	switch lhs := ast.Unparen(lhs).(type) {
	case *ast.IndexExpr, *ast.StarExpr:
		return true
	case *ast.SelectorExpr:
		return true // a field, or a qualified package variable
	case *ast.Ident:
		v, ok := info.ObjectOf(lhs).(*types.Var)
		if !ok {
			return false
		}
		if v.Parent() == v.Pkg().Scope() {
			return true
		}
		return hops > 0 && localStored(info, at, v, hops-1)
	}
	return false
}

// localStored reports whether a use of the local variable v in the
// function around at stores it for reuse.
func localStored(info *types.Info, at inspector.Cursor, v *types.Var, hops int) bool {
	fn, _, _ := match.EnclosingFunc(info, at)
	if !fn.Valid() {
		return false
	}
	for c := range fn.Preorder((*ast.Ident)(nil)) {
		if info.Uses[c.Node().(*ast.Ident)] == v && storedForReuse(info, c, hops) {
			return true
		}
	}
	return false
}

// methodOfKeptValue reports whether call is a method called on a field or
// package variable, or an element of one (s.clients.Store(k, pool),
// s.proxies[i].SetClient(c)): the pool is handed to something that
// outlives the call.
func methodOfKeptValue(info *types.Info, call *ast.CallExpr) bool {
	x := methodReceiver(info, call)
	for {
		ix, ok := x.(*ast.IndexExpr)
		if !ok {
			break
		}
		x = ast.Unparen(ix.X)
	}
	switch x := x.(type) {
	case *ast.SelectorExpr:
		v, ok := match.ObjectOf(info, x).(*types.Var)
		return ok && (v.IsField() || v.Parent() == v.Pkg().Scope())
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		return ok && v.Parent() == v.Pkg().Scope()
	}
	return false
}

// receiverLocal returns the local variable a method call is called on
// (b.SetClient(c)), or nil.
func receiverLocal(info *types.Info, call *ast.CallExpr) *types.Var {
	id, ok := methodReceiver(info, call).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.IsField() || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	return v
}

// methodReceiver returns the receiver expression of a method call, or nil
// when call is not one.
func methodReceiver(info *types.Info, call *ast.CallExpr) ast.Expr {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	if s := info.Selections[sel]; s == nil || s.Kind() != types.MethodVal {
		return nil
	}
	return ast.Unparen(sel.X)
}

// runOnce decides which functions of the package run once per process:
// main, init, constructors named New…/new…, and functions called only
// from those.
type runOnce struct {
	p     *rule.Pass
	memo  map[*types.Func]bool
	calls map[*types.Func][]*ast.Ident // built on first need
}

func newRunOnce(p *rule.Pass) *runOnce {
	return &runOnce{p: p, memo: map[*types.Func]bool{}}
}

// runsOnce reports whether the function declared at decl runs once.
func (r *runOnce) runsOnce(decl inspector.Cursor) bool {
	fd := decl.Node().(*ast.FuncDecl)
	fn, ok := r.p.TypesInfo.Defs[fd.Name].(*types.Func)
	if !ok {
		return false
	}
	return r.funcRunsOnce(fn, fd.Recv != nil)
}

func (r *runOnce) funcRunsOnce(fn *types.Func, method bool) bool {
	if v, ok := r.memo[fn]; ok {
		return v
	}
	r.memo[fn] = false // a recursive call does not make it run once
	v := r.decide(fn, method)
	r.memo[fn] = v
	return v
}

func (r *runOnce) decide(fn *types.Func, method bool) bool {
	name := fn.Name()
	if !method && (name == "init" || (name == "main" && r.p.Pkg.Name() == "main") || isConstructorName(name)) {
		return true
	}
	if fn.Exported() && r.p.Pkg.Name() != "main" {
		return false // other packages may call it per request
	}
	uses := r.uses(fn)
	if len(uses) == 0 {
		return false // called through an interface or a function value, or not at all
	}
	root := r.p.Inspector.Root()
	for _, id := range uses {
		c, ok := root.FindByPos(id.Pos(), id.End())
		if !ok {
			return false
		}
		if c.ParentEdgeKind() == edge.SelectorExpr_Sel {
			c = c.Parent()
		}
		if c.ParentEdgeKind() != edge.CallExpr_Fun || enclosingHandler(r.p.TypesInfo, c).Valid() {
			return false
		}
		caller := match.EnclosingFuncDecl(c)
		if caller.Valid() && !r.runsOnce(caller) {
			return false
		}
	}
	return true
}

// uses returns the identifiers that refer to fn.
func (r *runOnce) uses(fn *types.Func) []*ast.Ident {
	if r.calls == nil {
		r.calls = map[*types.Func][]*ast.Ident{}
		for id, obj := range r.p.TypesInfo.Uses {
			if f, ok := obj.(*types.Func); ok && f.Pkg() == r.p.Pkg {
				r.calls[f.Origin()] = append(r.calls[f.Origin()], id)
			}
		}
	}
	return r.calls[fn]
}

// isConstructorName reports whether name is New, new, or New/new followed
// by an upper-case letter (NewClient, newStore; not newline).
func isConstructorName(name string) bool {
	for _, prefix := range []string{"New", "new"} {
		if rest, ok := strings.CutPrefix(name, prefix); ok {
			if rest == "" {
				return true
			}
			for _, r := range rest {
				return unicode.IsUpper(r)
			}
		}
	}
	return false
}
