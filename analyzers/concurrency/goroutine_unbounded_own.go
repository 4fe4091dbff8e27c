package concurrency

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// overOwnStateJoined reports whether the range loop l goes over the
// program's own collection (a field of the method's receiver, or a local
// slice or map filled only inside loops over such a field, one step
// removed at most) and the function waits for the goroutines after the
// loop (a sync.WaitGroup's Wait): one goroutine per thing the program
// already holds and runs, for the length of one call.
func overOwnStateJoined(info *types.Info, l inspector.Cursor) bool {
	r, ok := l.Node().(*ast.RangeStmt)
	if !ok {
		return false
	}
	_, body, _ := match.EnclosingFunc(info, l)
	if body == nil || !waitsAfter(info, body, r.End()) {
		return false
	}
	return ownCollection(info, l, body, r.X, 2)
}

// ownCollection reports whether e is a field path rooted at the method's
// receiver, or a local variable declared empty whose every element is
// added (append, m[k] = v) inside a range over an own collection.
func ownCollection(info *types.Info, l inspector.Cursor, body *ast.BlockStmt, e ast.Expr, depth int) bool {
	if sel, ok := ast.Unparen(e).(*ast.SelectorExpr); ok {
		root := rootVar(info, sel)
		return root != nil && root.Parent() != root.Pkg().Scope() && isProgramState(info, l, sel)
	}
	id := identOf(e)
	if id == nil || depth == 0 {
		return false
	}
	v, _ := info.Uses[id].(*types.Var)
	if v == nil || v.Parent() == nil || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return false
	}
	fills, ok := 0, true
	ast.Inspect(body, func(n ast.Node) bool {
		if !ok {
			return false
		}
		as, isAssign := n.(*ast.AssignStmt)
		if !isAssign {
			return true
		}
		c, found := match.CursorOf(l.Inspector().Root(), n)
		if !found {
			return true
		}
		for i, lhs := range as.Lhs {
			if ix, isIx := ast.Unparen(lhs).(*ast.IndexExpr); isIx {
				if match.Var(info, ix.X) != v {
					continue
				}
			} else if id := identOf(lhs); id == nil || info.Defs[id] == v || info.Uses[id] != v {
				continue // another variable, or the declaration (checked below)
			} else if !isAppendTo(info, as, i, v) {
				ok = false
				return false
			}
			if !insideOwnRange(info, l, body, c, depth) {
				ok = false
				return false
			}
			fills++
		}
		return true
	})
	return ok && fills > 0 && declaredEmpty(info, body, v)
}

func isAppendTo(info *types.Info, as *ast.AssignStmt, i int, v *types.Var) bool {
	if len(as.Rhs) != len(as.Lhs) {
		return false
	}
	call, ok := ast.Unparen(as.Rhs[i]).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return false
	}
	if !match.IsBuiltin(info, call.Fun, "append") {
		return false
	}
	return match.Var(info, call.Args[0]) == v
}

// insideOwnRange reports whether c sits in a range loop over an own
// collection.
func insideOwnRange(info *types.Info, l inspector.Cursor, body *ast.BlockStmt, c inspector.Cursor, depth int) bool {
	for rc := range c.Enclosing((*ast.RangeStmt)(nil)) {
		if rc.Node().Pos() < body.Pos() {
			break
		}
		if ownCollection(info, l, body, rc.Node().(*ast.RangeStmt).X, depth-1) {
			return true
		}
	}
	return false
}

// declaredEmpty reports whether v is declared in body with no elements:
// var v []T, v := []T{}, v := map[K]V{}, v := make(...).
func declaredEmpty(info *types.Info, body *ast.BlockStmt, v *types.Var) bool {
	empty := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if id := identOf(lhs); id != nil && info.Defs[id] == v && len(n.Rhs) == len(n.Lhs) {
					empty = isEmptyValue(info, n.Rhs[i])
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if info.Defs[id] == v {
					empty = len(n.Values) == 0 || len(n.Values) == len(n.Names) && isEmptyValue(info, n.Values[i])
				}
			}
		}
		return true
	})
	return empty
}

func isEmptyValue(info *types.Info, e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return len(e.Elts) == 0
	case *ast.CallExpr:
		return match.IsBuiltin(info, e.Fun, "make")
	}
	return false
}

// waitsAfter reports whether body calls Wait on a sync.WaitGroup after pos.
func waitsAfter(info *types.Info, body *ast.BlockStmt, pos token.Pos) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if found || !ok || call.Pos() < pos {
			return !found
		}
		if fn := match.Callee(info, call); fn != nil && fn.Name() == "Wait" && fn.Signature().Recv() != nil &&
			match.IsNamedOrPointer(fn.Signature().Recv().Type(), "sync", "WaitGroup") {
			found = true
		}
		return !found
	})
	return found
}
