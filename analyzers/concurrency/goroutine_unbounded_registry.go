package concurrency

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// registersWorker reports whether the range loop l, in the iteration that
// starts the goroutine, records a worker under the element's key in a map
// of the program's own state before the go statement (m.workers[key] = w):
// one long-lived worker per distinct key of a registry, which a later
// pass looks up, stops or skips, rather than one goroutine per piece of
// load.
func registersWorker(info *types.Info, s spawn, l inspector.Cursor) bool {
	r, ok := l.Node().(*ast.RangeStmt)
	if !ok || r.Key == nil {
		return false
	}
	key, _ := info.Defs[identOf(r.Key)].(*types.Var)
	if key == nil {
		key, _ = info.Uses[identOf(r.Key)].(*types.Var)
	}
	if key == nil {
		return false
	}
	found := false
	ast.Inspect(r.Body, func(n ast.Node) bool {
		if found || n == nil {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		as, ok := n.(*ast.AssignStmt)
		if !ok || as.Tok != token.ASSIGN || as.Pos() > s.cur.Node().Pos() {
			return true
		}
		for _, lhs := range as.Lhs {
			ix, ok := ast.Unparen(lhs).(*ast.IndexExpr)
			if !ok {
				continue
			}
			if _, isMap := info.TypeOf(ix.X).Underlying().(*types.Map); !isMap || !isProgramState(info, l, ix.X) {
				continue
			}
			if id := identOf(ix.Index); id != nil && info.Uses[id] == key {
				found = true
			}
		}
		return !found
	})
	return found
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}
