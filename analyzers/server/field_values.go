package server

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"net"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

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
