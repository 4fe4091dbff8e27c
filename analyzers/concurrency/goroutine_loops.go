package concurrency

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// loopKind says how many times a loop can start a goroutine.
type loopKind int

const (
	inputLoop loopKind = iota // as many times as the input has items: unbounded
	fixedLoop                 // a small literal, ticks, or an accept loop (one goroutine per connection)
	constLoop                 // a constant number of times, given with it
	countLoop                 // a configured, non-constant count of workers
)

// classifyLoop says how many iterations loop l runs.
func classifyLoop(info *types.Info, l inspector.Cursor, small int) (loopKind, int) {
	kind, n := inputLoop, 0
	switch loop := l.Node().(type) {
	case *ast.RangeStmt:
		kind, n = classifyRange(info, l, loop, small)
	case *ast.ForStmt:
		kind, n = classifyFor(info, loop)
	}
	if kind == inputLoop && acceptsConnections(info, l) {
		return fixedLoop, 0
	}
	return kind, n
}

// fixedLoopForm names the collected quiet form of goroutine-unbounded that
// a fixedLoop l has: a loop over ticks, an accept loop, or a short literal.
func fixedLoopForm(info *types.Info, l inspector.Cursor) string {
	if loop, ok := l.Node().(*ast.RangeStmt); ok && info.TypeOf(loop.X) != nil {
		if ch, ok := info.TypeOf(loop.X).Underlying().(*types.Chan); ok && match.IsNamed(ch.Elem(), "time", "Time") {
			return "ticker-loop"
		}
	}
	if acceptsConnections(info, l) {
		return "accept-loop"
	}
	return "small-loop"
}

// classifyRange sizes a range loop: integers are counts, arrays have a
// constant length, short literals are fixed, anything else is input.
func classifyRange(info *types.Info, l inspector.Cursor, loop *ast.RangeStmt, small int) (loopKind, int) {
	t := info.TypeOf(loop.X)
	if t == nil {
		return inputLoop, 0
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		if u.Info()&types.IsInteger != 0 {
			return classifyCount(info, loop.X)
		}
	case *types.Array:
		return constLoop, int(u.Len())
	case *types.Pointer:
		if arr, ok := u.Elem().Underlying().(*types.Array); ok {
			return constLoop, int(arr.Len())
		}
	case *types.Chan:
		if match.IsNamed(u.Elem(), "time", "Time") {
			return fixedLoop, 0 // ticks: a goroutine per period is rate-bounded
		}
	}
	if n, ok := literalLen(info, l, loop.X); ok && n <= small {
		return fixedLoop, 0
	}
	return inputLoop, 0
}

// classifyFor sizes a three-clause counting loop (for i := a; i < b; i++);
// any other for loop is driven by its input.
func classifyFor(info *types.Info, loop *ast.ForStmt) (loopKind, int) {
	init, ok := loop.Init.(*ast.AssignStmt)
	if !ok || len(init.Lhs) != 1 || len(init.Rhs) != 1 || loop.Post == nil {
		return inputLoop, 0
	}
	i := match.Var(info, init.Lhs[0])
	cond, ok := loop.Cond.(*ast.BinaryExpr)
	if i == nil || !ok {
		return inputLoop, 0
	}
	var bound ast.Expr
	switch {
	case match.Var(info, cond.X) == i:
		bound = cond.Y
	case match.Var(info, cond.Y) == i:
		bound = cond.X
	default:
		return inputLoop, 0
	}
	start, startOK := constInt(info, init.Rhs[0])
	end, endOK := constInt(info, bound)
	if startOK && endOK {
		n := end - start
		if n < 0 {
			n = -n
		}
		if cond.Op == token.LEQ || cond.Op == token.GEQ {
			n++
		}
		return constLoop, n
	}
	if startOK {
		return classifyCount(info, bound)
	}
	return countLoop, 0
}

// classifyCount sizes a loop that counts to e: a constant, the length of
// some input (unbounded), the number of CPUs, or a configured count.
func classifyCount(info *types.Info, e ast.Expr) (loopKind, int) {
	if n, ok := constInt(info, e); ok {
		return constLoop, n
	}
	if mentionsLen(info, e) {
		return inputLoop, 0
	}
	return countLoop, 0 // a worker count from configuration, flags or runtime.NumCPU
}

// constInt returns the value of an integer constant expression.
func constInt(info *types.Info, e ast.Expr) (int, bool) {
	v, ok := match.ConstInt(info, e)
	return int(v), ok
}

// mentionsLen reports whether e uses the builtin len or cap: a count taken
// from the input.
func mentionsLen(info *types.Info, e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if match.IsBuiltin(info, call.Fun, "len") || match.IsBuiltin(info, call.Fun, "cap") {
				found = true
			}
		}
		return !found
	})
	return found
}

// literalLen returns the number of elements of a composite literal, or of
// a local variable initialised with one and never reassigned or addressed.
func literalLen(info *types.Info, l inspector.Cursor, e ast.Expr) (int, bool) {
	if lit, ok := ast.Unparen(e).(*ast.CompositeLit); ok {
		return len(lit.Elts), true
	}
	v := match.Var(info, e)
	fn := match.EnclosingFuncDecl(l)
	if v == nil || !fn.Valid() {
		return 0, false
	}
	var lit *ast.CompositeLit
	for c := range fn.Preorder((*ast.Ident)(nil)) {
		id := c.Node().(*ast.Ident)
		switch {
		case info.Defs[id] == v:
			lit = definingLiteral(c)
			if lit == nil {
				return 0, false
			}
		case info.Uses[id] == v:
			switch c.ParentEdgeKind() {
			case edge.AssignStmt_Lhs, edge.UnaryExpr_X, edge.RangeStmt_Key, edge.RangeStmt_Value:
				return 0, false // reassigned, appended to, or addressed
			}
		}
	}
	if lit == nil {
		return 0, false
	}
	return len(lit.Elts), true
}

// definingLiteral returns the composite literal a variable is declared
// with (x := []T{...} or var x = []T{...}), or nil.
func definingLiteral(def inspector.Cursor) *ast.CompositeLit {
	var value ast.Expr
	idx := def.ParentEdgeIndex()
	switch parent := def.Parent().Node().(type) {
	case *ast.AssignStmt:
		if def.ParentEdgeKind() == edge.AssignStmt_Lhs && len(parent.Lhs) == len(parent.Rhs) {
			value = parent.Rhs[idx]
		}
	case *ast.ValueSpec:
		if def.ParentEdgeKind() == edge.ValueSpec_Names && len(parent.Names) == len(parent.Values) {
			value = parent.Values[idx]
		}
	}
	lit, _ := ast.Unparen(value).(*ast.CompositeLit)
	return lit
}

// acceptsConnections reports whether the loop body accepts network
// connections: one goroutine per connection is Go's server model (net/http
// works that way), bounded by the clients, not by a work list.
func acceptsConnections(info *types.Info, l inspector.Cursor) bool {
	body, ok := l.FindNode(match.LoopBody(l.Node()))
	if !ok {
		return false
	}
	for c := range body.Preorder((*ast.CallExpr)(nil)) {
		sig, ok := info.TypeOf(c.Node().(*ast.CallExpr).Fun).(*types.Signature)
		if !ok || sig.Results().Len() == 0 {
			continue
		}
		t := sig.Results().At(0).Type()
		if match.IsNamed(t, "net", "Conn") || match.IsPointerTo(t, "net", "TCPConn", "UnixConn") {
			return true
		}
	}
	return false
}
