package server

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// buildFlags answers whether code is dead in the build being analyzed:
// behind a condition that is constant in it. A debug listener guarded by
// `if !enableDebug { return }`, where enableDebug is an unexported
// package variable that only a file with a build tag sets (in its init),
// never runs in the default build: in that build the variable keeps its
// initial value, since nothing in the package assigns it.
type buildFlags struct {
	p        *rule.Pass
	assigned map[*types.Var]bool // computed on first use
}

// isDead reports whether n can only run when a condition that is constant
// in this build has the other value: n follows, in an enclosing block of
// its function, an `if cond { ... return }` whose cond is constant true, or
// sits in the branch of an if that a constant condition never takes.
func (b *buildFlags) isDead(n ast.Node) bool {
	file := b.p.File(n.Pos())
	if file == nil {
		return false
	}
	path, _ := astutil.PathEnclosingInterval(file, n.Pos(), n.End())
	for i := 1; i < len(path); i++ {
		switch parent := path[i].(type) {
		case *ast.FuncDecl:
			return false
		case *ast.BlockStmt:
			for _, st := range parent.List {
				if st.Pos() >= path[i-1].Pos() {
					break
				}
				if ifs, ok := st.(*ast.IfStmt); ok && ifs.Init == nil && ifs.Else == nil && endsInReturn(ifs.Body) {
					if v, ok := b.value(ifs.Cond); ok && v {
						return true
					}
				}
			}
		case *ast.IfStmt:
			v, ok := b.value(parent.Cond)
			if ok && (path[i-1] == parent.Body && !v || path[i-1] == parent.Else && v) {
				return true
			}
		}
	}
	return false
}

// endsInReturn reports whether the block's last statement is a return.
func endsInReturn(body *ast.BlockStmt) bool {
	if len(body.List) == 0 {
		return false
	}
	_, ok := body.List[len(body.List)-1].(*ast.ReturnStmt)
	return ok
}

// value evaluates a boolean condition made of constants, negations and
// unexported package-level bool variables that nothing in the package
// assigns after their declaration.
func (b *buildFlags) value(e ast.Expr) (bool, bool) {
	info := b.p.TypesInfo
	e = ast.Unparen(e)
	if v := match.ConstValue(info, e); v != nil && v.Kind() == constant.Bool {
		return constant.BoolVal(v), true
	}
	switch x := e.(type) {
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			v, ok := b.value(x.X)
			return !v, ok
		}
	case *ast.Ident:
		return b.fixedVar(x)
	}
	return false, false
}

// fixedVar returns the value of an unexported package-level bool variable
// initialized to a constant (or to false by default) and never assigned.
func (b *buildFlags) fixedVar(id *ast.Ident) (bool, bool) {
	v, ok := b.p.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.Exported() || v.Pkg() != b.p.Pkg || v.Parent() != b.p.Pkg.Scope() {
		return false, false
	}
	if basic, ok := v.Type().Underlying().(*types.Basic); !ok || basic.Kind() != types.Bool {
		return false, false
	}
	if b.assigned == nil {
		b.assigned = b.assignedVars()
	}
	if b.assigned[v] {
		return false, false
	}
	_, vs, i, ok := b.p.Index.VarSpec(v)
	if !ok {
		return false, false
	}
	if len(vs.Values) == 0 {
		return false, true
	}
	if len(vs.Values) != len(vs.Names) {
		return false, false
	}
	c := match.ConstValue(b.p.TypesInfo, vs.Values[i])
	if c == nil || c.Kind() != constant.Bool {
		return false, false
	}
	return constant.BoolVal(c), true
}

// assignedVars returns the package-level variables the package assigns,
// increments or takes the address of anywhere.
func (b *buildFlags) assignedVars() map[*types.Var]bool {
	out := map[*types.Var]bool{}
	mark := func(e ast.Expr) {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			if v, ok := b.p.TypesInfo.Uses[id].(*types.Var); ok {
				out[v] = true
			}
		}
	}
	for _, f := range b.p.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.AssignStmt:
				for _, l := range x.Lhs {
					mark(l)
				}
			case *ast.IncDecStmt:
				mark(x.X)
			case *ast.UnaryExpr:
				if x.Op == token.AND {
					mark(x.X)
				}
			}
			return true
		})
	}
	return out
}
