package concurrency

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// gatedOrJoined reports whether something in region (the loop body or the
// handler) keeps the spawn's goroutines bounded: a semaphore taken before
// it, a wait for it after it, or a semaphore inside the goroutine itself.
func gatedOrJoined(info *types.Info, s spawn, region inspector.Cursor) bool {
	start, end := s.cur.Node().Pos(), s.cur.Node().End()
	shared := sharedChannels(info, s)
	found := false
	region.Inspect([]ast.Node{
		(*ast.FuncLit)(nil), (*ast.SendStmt)(nil), (*ast.UnaryExpr)(nil),
		(*ast.CallExpr)(nil), (*ast.RangeStmt)(nil), (*ast.SelectStmt)(nil), (*ast.Ident)(nil),
	}, func(c inspector.Cursor) bool {
		if found {
			return false
		}
		n := c.Node()
		if _, ok := n.(*ast.FuncLit); ok && c != region {
			return false // runs later, or is the goroutine itself
		}
		switch {
		case n.End() <= start:
			found = isGate(info, c)
		case n.Pos() >= end && !inSiblingCase(c, s.cur):
			found = isJoin(info, n) || isSharedChannel(info, n, shared)
		}
		return true
	})
	return found || selfGated(info, s)
}

// inSiblingCase reports whether c lies in the communication of another case
// of a select statement around the spawn at at: the select waits for that
// case or the spawn's, so it never runs after the spawn in one round.
func inSiblingCase(c, at inspector.Cursor) bool {
	for cc := range c.Enclosing((*ast.CommClause)(nil)) {
		comm := cc.Node().(*ast.CommClause).Comm
		return comm != nil && comm.Pos() <= c.Node().Pos() && c.Node().End() <= comm.End() &&
			cc.Parent().Parent().Contains(at)
	}
	return false
}

// isGate reports whether a statement before a goroutine start blocks until
// a slot is free: a channel send (a counting semaphore), a receive whose
// value is discarded (a token), semaphore.Weighted Acquire, or a
// rate.Limiter wait.
func isGate(info *types.Info, c inspector.Cursor) bool {
	switch n := c.Node().(type) {
	case *ast.SendStmt:
		return true
	case *ast.UnaryExpr:
		return n.Op == token.ARROW && c.ParentEdgeKind() == edge.ExprStmt_X &&
			c.Parent().ParentEdgeKind() != edge.CommClause_Comm && // a select case waits for one of several events
			!isDoneCall(info, n.X)
	case *ast.CallExpr:
		callee := match.Callee(info, n)
		return methodIs(callee, semaphorePath, "Weighted", "Acquire", "TryAcquire") ||
			methodIs(callee, ratePath, "Limiter", "Wait", "WaitN", "Allow", "AllowN")
	}
	return false
}

// isJoin reports whether a node after a goroutine start waits for
// goroutines: WaitGroup or errgroup Wait, a channel receive, a select
// without default, or a range over a channel.
func isJoin(info *types.Info, n ast.Node) bool {
	switch n := n.(type) {
	case *ast.CallExpr:
		callee := match.Callee(info, n)
		return methodIs(callee, "sync", "WaitGroup", "Wait") || methodIs(callee, errgroupPath, "Group", "Wait")
	case *ast.UnaryExpr:
		return n.Op == token.ARROW && !isDoneCall(info, n.X)
	case *ast.RangeStmt:
		return isRecvChan(info.TypeOf(n.X))
	case *ast.SelectStmt:
		for _, cc := range n.Body.List {
			if cc.(*ast.CommClause).Comm == nil {
				return false // default: does not block
			}
		}
		return true
	}
	return false
}

// sharedChannels returns the channel variables the goroutine is given or
// captures.
func sharedChannels(info *types.Info, s spawn) map[types.Object]bool {
	chans := map[types.Object]bool{}
	add := func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok {
				if _, isChan := v.Type().Underlying().(*types.Chan); isChan {
					chans[v] = true
				}
			}
		}
		return true
	}
	for _, a := range s.args {
		ast.Inspect(a, add)
	}
	if body := spawnedBody(s); body != nil {
		ast.Inspect(body, add)
	}
	return chans
}

// isSharedChannel reports whether n, after the goroutine start, uses a
// channel the goroutine also uses: the iteration consumes what the goroutine
// produces (tryPrefixes(prefixes)), or tells it to stop (close(done)), so
// that goroutines do not pile up across iterations.
func isSharedChannel(info *types.Info, n ast.Node, shared map[types.Object]bool) bool {
	id, ok := n.(*ast.Ident)
	return ok && shared[info.Uses[id]]
}

// isDoneCall reports whether e is ctx.Done(): waiting for cancellation
// neither gates nor joins goroutines.
func isDoneCall(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	return ok && callsMethod(info, call, "context", "Context", "Done")
}

// selfGated reports whether the goroutine's own body takes a semaphore
// before working: a send and a receive on the same channel, or
// semaphore.Weighted Acquire. The goroutines still exist, but the work
// they do is bounded.
func selfGated(info *types.Info, s spawn) bool {
	body := spawnedBody(s)
	if body == nil {
		return false
	}
	sends, recvs := map[types.Object]bool{}, map[types.Object]bool{}
	acquires := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SendStmt:
			if obj := match.ObjectOf(info, n.Chan); obj != nil {
				sends[obj] = true
			}
		case *ast.UnaryExpr:
			if obj := match.ObjectOf(info, n.X); n.Op == token.ARROW && obj != nil {
				recvs[obj] = true
			}
		case *ast.CallExpr:
			if callsMethod(info, n, semaphorePath, "Weighted", "Acquire") {
				acquires = true
			}
		}
		return true
	})
	for obj := range sends {
		if recvs[obj] {
			return true
		}
	}
	return acquires
}

// consumesChannel reports whether the goroutine reads its work from a
// channel, as the workers of a pool do: it is passed a channel, or its body
// ranges over or receives from one.
func consumesChannel(info *types.Info, s spawn) bool {
	for _, a := range s.args {
		if isRecvChan(info.TypeOf(a)) {
			return true
		}
	}
	body := spawnedBody(s)
	if body == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.RangeStmt:
			found = found || isRecvChan(info.TypeOf(n.X))
		case *ast.UnaryExpr:
			_, fromCall := ast.Unparen(n.X).(*ast.CallExpr) // ctx.Done(), time.After: not work
			found = found || (n.Op == token.ARROW && !fromCall)
		}
		return !found
	})
	return found
}

// spawnedBody returns the body of the function literal a goroutine runs, or
// nil when it runs a named function.
func spawnedBody(s spawn) *ast.BlockStmt {
	if lit, ok := ast.Unparen(s.fn).(*ast.FuncLit); ok {
		return lit.Body
	}
	return nil
}
