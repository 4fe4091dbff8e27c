package server

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"net"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/index"
	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// valueKey returns the object that names where a value lives, so that a
// struct literal and a later assignment to one of its fields can be
// matched: the variable for srv or *srv, the struct field for a.srv or
// s.cfg.srv. A field stands for every value's field of that name and
// struct type, because the literal is usually built in a constructor and
// configured in a method through another variable. nil when e names
// neither.
func valueKey(info *types.Info, e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v, ok := info.ObjectOf(e).(*types.Var); ok {
			return v
		}
	case *ast.StarExpr:
		return valueKey(info, e.X)
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[e]; ok {
			if sel.Kind() == types.FieldVal {
				return sel.Obj()
			}
			return nil
		}
		if v, ok := info.ObjectOf(e.Sel).(*types.Var); ok { // pkg.Var
			return v
		}
	}
	return nil
}

// literalKey returns the valueKey of the place a composite literal is
// stored in: the variable it initializes or is assigned to (through &),
// or the struct field it is the value of in an enclosing literal. nil when
// the literal is returned, passed or used in place.
func literalKey(info *types.Info, c inspector.Cursor) types.Object {
	lit := c.Node()
	for p := c.Parent(); p.Node() != nil; lit, p = p.Node(), p.Parent() {
		switch n := p.Node().(type) {
		case *ast.ParenExpr:
			continue
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				continue
			}
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i, rhs := range n.Rhs {
					if rhs == lit {
						return valueKey(info, n.Lhs[i])
					}
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i, v := range n.Values {
					if v == lit {
						return info.Defs[n.Names[i]]
					}
				}
			}
		case *ast.KeyValueExpr:
			if n.Value == lit {
				if key, ok := n.Key.(*ast.Ident); ok {
					if f, ok := info.Uses[key].(*types.Var); ok && f.IsField() {
						return f
					}
				}
			}
		}
		return nil
	}
	return nil
}

// literalField returns the value of the field named name in a keyed
// struct literal, or nil.
func literalField(lit *ast.CompositeLit, name string) ast.Expr {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
			return kv.Value
		}
	}
	return nil
}

// isLoopbackAddr reports whether e is a constant listen address whose host
// is a loopback name or address ("localhost:6060", "127.0.0.1:8080"): a
// debug or sidecar-only listener that remote clients cannot reach.
func isLoopbackAddr(info *types.Info, e ast.Expr) bool {
	v := match.ConstValue(info, e)
	if v == nil || v.Kind() != constant.String {
		return false
	}
	host, _, err := net.SplitHostPort(constant.StringVal(v))
	if err != nil {
		return false
	}
	return isLoopbackHost(host)
}

// isLoopbackValue is isLoopbackAddr and isLoopbackFormat also through the
// variables the address is built in: a local or unexported package-level
// variable declared with such an address and never assigned again, or
// net.JoinHostPort of a host that
// net.SplitHostPort took from one (host, port, _ := net.SplitHostPort(addr)
// with addr a constant "localhost:6060"), which stays on loopback whatever
// port it picks; or a parameter of a function that only this package can
// call and that every call passes such an address (debugServer(addr) with
// each caller passing the constant "localhost:8080").
func isLoopbackValue(info *types.Info, idx *index.Index, e ast.Expr) bool {
	return loopbackValue(info, idx, e, 0)
}

func loopbackValue(info *types.Info, idx *index.Index, e ast.Expr, depth int) bool {
	if e == nil || depth > 4 {
		return false
	}
	e = ast.Unparen(e)
	if isLoopbackAddr(info, e) || isLoopbackFormat(info, e) {
		return true
	}
	if call, ok := e.(*ast.CallExpr); ok {
		return match.IsFunc(match.Callee(info, call), "net", "JoinHostPort") && len(call.Args) == 2 &&
			loopbackHostValue(info, idx, call.Args[0], depth+1)
	}
	if args, ok := idx.ParamArgs(localVar(info, e)); ok {
		return everyArg(args, func(a ast.Expr) bool { return loopbackValue(info, idx, a, depth+1) })
	}
	if value, ok := idx.PackageValue(localVar(info, e)); ok {
		return loopbackValue(info, idx, value, depth+1)
	}
	value, _, multi, ok := idx.LocalValue(localVar(info, e))
	return ok && !multi && loopbackValue(info, idx, value, depth+1)
}

// everyArg reports whether holds is true of each argument a parameter
// receives.
func everyArg(args []ast.Expr, holds func(ast.Expr) bool) bool {
	for _, a := range args {
		if !holds(a) {
			return false
		}
	}
	return true
}

// loopbackHostValue reports whether e is a loopback host: a constant, or
// the host result of net.SplitHostPort of a loopback address, directly or
// through a local variable assigned once.
func loopbackHostValue(info *types.Info, idx *index.Index, e ast.Expr, depth int) bool {
	if depth > 4 {
		return false
	}
	if host, ok := match.ConstString(info, e); ok {
		return isLoopbackHost(host)
	}
	value, result, multi, ok := idx.LocalValue(localVar(info, e))
	if !ok {
		return false
	}
	if call, isCall := value.(*ast.CallExpr); isCall && multi && result == 0 {
		return match.IsFunc(match.Callee(info, call), "net", "SplitHostPort") && len(call.Args) == 1 &&
			loopbackValue(info, idx, call.Args[0], depth+1)
	}
	return !multi && loopbackHostValue(info, idx, value, depth+1)
}

// localVar returns the variable e names when e is an identifier, or nil.
func localVar(info *types.Info, e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := info.Uses[id].(*types.Var)
	return v
}

// isLoopbackHost reports whether host is localhost or a loopback IP.
func isLoopbackHost(host string) bool {
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func oneOf(s string, names []string) bool {
	for _, n := range names {
		if s == n {
			return true
		}
	}
	return false
}
