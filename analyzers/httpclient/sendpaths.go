package httpclient

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// flow is the control-flow graph of the innermost function around a send,
// built only for functions that contain one, once per package and shared
// by the rules (sendScan caches it).
type flow struct {
	g    *cfg.CFG
	fn   inspector.Cursor // the *ast.FuncDecl or *ast.FuncLit
	body *ast.BlockStmt
	dead []*ast.BlockStmt // bodies of ifs that cannot run (neverRunBodies)
}

// funcFlow is what sendScan keeps per function body: its graph and the
// bodies of its ifs that cannot run.
type funcFlow struct {
	g    *cfg.CFG
	dead []*ast.BlockStmt
}

// flowOf returns the control-flow graph of the innermost function around
// c, or false outside a function.
func (s *sendScan) flowOf(c inspector.Cursor) (flow, bool) {
	fc, body, _ := match.EnclosingFunc(s.info, c)
	if body == nil {
		return flow{}, false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cfgs == nil {
		s.cfgs = map[*ast.BlockStmt]funcFlow{}
	}
	ff, ok := s.cfgs[body]
	if !ok {
		ff = funcFlow{
			g:    cfg.New(body, func(call *ast.CallExpr) bool { return !noReturn(s.info, call) }),
			dead: neverRunBodies(s.info, fc),
		}
		s.cfgs[body] = ff
	}
	return flow{g: ff.g, fn: fc, body: body, dead: ff.dead}, true
}

// neverRunBodies are the bodies of the ifs in the function at fn whose
// condition can never hold (match.NeverTrue): a path into one is not a
// path.
func neverRunBodies(info *types.Info, fn inspector.Cursor) []*ast.BlockStmt {
	var dead []*ast.BlockStmt
	for c := range fn.Preorder((*ast.IfStmt)(nil)) {
		if is := c.Node().(*ast.IfStmt); match.NeverTrue(info, is.Cond) {
			dead = append(dead, is.Body)
		}
	}
	return dead
}

// inAny reports whether n lies inside one of blocks.
func inAny(blocks []*ast.BlockStmt, n ast.Node) bool {
	return slices.ContainsFunc(blocks, func(b *ast.BlockStmt) bool { return b.Pos() <= n.Pos() && n.End() <= b.End() })
}

// noReturn reports whether call never returns: panic, os.Exit, log.Fatal
// and log.Panic (package functions or *log.Logger methods),
// runtime.Goexit, and the testing methods that stop the test.
func noReturn(info *types.Info, call *ast.CallExpr) bool {
	if match.IsBuiltin(info, call.Fun, "panic") {
		return true
	}
	fn := match.Callee(info, call)
	logStops := []string{"Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"}
	return match.IsFunc(fn, "os", "Exit") || match.IsFunc(fn, "runtime", "Goexit") ||
		match.IsFunc(fn, "log", logStops...) || match.IsMethod(fn, "log", "Logger", logStops...) ||
		match.IsMethod(fn, "testing", "common", "Fatal", "Fatalf", "FailNow", "Skip", "Skipf", "SkipNow")
}

// uses returns the uses of v inside the function, from the package index.
func (s *sendScan) uses(f flow, v *types.Var) []inspector.Cursor { return s.idx.UsesIn(f.fn, v) }

// at returns the block of g holding the node n and n's index in it.
func (f flow) at(n ast.Node) (*cfg.Block, int, bool) {
	for _, b := range f.g.Blocks {
		for i, m := range b.Nodes {
			if m == n {
				return b, i, true
			}
		}
	}
	return nil, 0, false
}

// positions is a sorted set of positions: the identifiers of one kind of
// use of a variable.
type positions []token.Pos

func (ps positions) within(n ast.Node) bool {
	i := sort.Search(len(ps), func(i int) bool { return ps[i] >= n.Pos() })
	return i < len(ps) && ps[i] < n.End()
}

// inLoopWith reports whether the use at c and the send at send lie in one
// loop, so that a use above the send runs again after it, on the next turn.
// A use above the send in straight-line code (the close of the response a
// reused variable held before) runs only before it.
func inLoopWith(c, send inspector.Cursor) bool {
	for _, l := range match.EnclosingLoops(send) {
		if n := l.Node(); n.Pos() <= c.Node().Pos() && c.Node().End() <= n.End() {
			return true
		}
	}
	return false
}

// declaredIn reports whether v is declared inside the function at fn (a
// variable of an enclosing function outlives it).
func declaredIn(v *types.Var, fn inspector.Cursor) bool {
	n := fn.Node()
	return n.Pos() <= v.Pos() && v.Pos() < n.End()
}

// isAssigned reports whether the use at c is a left-hand side of an
// assignment: the variable gets a new value there.
func isAssigned(c inspector.Cursor) bool { return c.ParentEdgeKind() == edge.AssignStmt_Lhs }

// noResponseOn reports whether, when the condition cond evaluates to
// branch, the send has certainly given no response: its error is not nil
// (errFresh: err still holds the send's error) or the response is nil.
// A test of err the rule cannot read (retryable(err), errors.Is(err, x))
// counts as an error path on its true branch. readErrs are the variables
// that hold the error of a plain read of the body: when one is not nil the
// Transport has dropped the connection.
func noResponseOn(info *types.Info, cond ast.Expr, branch bool, resp, err *types.Var, errFresh bool, readErrs map[*types.Var]bool) bool {
	switch e := ast.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			return noResponseOn(info, e.X, !branch, resp, err, errFresh, readErrs)
		}
	case *ast.BinaryExpr:
		x := func(b bool) bool { return noResponseOn(info, e.X, b, resp, err, errFresh, readErrs) }
		y := func(b bool) bool { return noResponseOn(info, e.Y, b, resp, err, errFresh, readErrs) }
		switch e.Op {
		case token.LAND:
			if branch {
				return x(true) || y(true)
			}
			return x(false) && y(false)
		case token.LOR:
			if branch {
				return x(true) && y(true)
			}
			return x(false) || y(false)
		case token.EQL, token.NEQ:
			if v := nilTested(info, e); v != nil {
				switch {
				case v == err && errFresh, readErrs[v]:
					return (e.Op == token.NEQ) == branch // err != nil holds on this branch
				case v == resp:
					return (e.Op == token.EQL) == branch // resp == nil holds on this branch
				}
				return false
			}
			if isBodyNilTest(info, e, resp) {
				return (e.Op == token.EQL) == branch // resp.Body == nil holds on this branch: nothing to close
			}
		}
	}
	return branch && errFresh && err != nil && match.Refers(info, cond, err)
}

// nilTested returns the variable a comparison with nil tests, or nil.
func nilTested(info *types.Info, bin *ast.BinaryExpr) *types.Var {
	switch {
	case match.IsNil(info, bin.Y):
		return localVar(info, bin.X)
	case match.IsNil(info, bin.X):
		return localVar(info, bin.Y)
	}
	return nil
}

// isBodyNilTest reports whether bin compares resp.Body with nil.
func isBodyNilTest(info *types.Info, bin *ast.BinaryExpr, resp *types.Var) bool {
	if resp == nil {
		return false
	}
	x := bin.X
	if match.IsNil(info, bin.X) {
		x = bin.Y
	} else if !match.IsNil(info, bin.Y) {
		return false
	}
	sel, ok := ast.Unparen(x).(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "Body" && localVar(info, sel.X) == resp
}

// condOf returns the condition that ends block b, when b branches on one.
func condOf(b *cfg.Block) (ast.Expr, bool) {
	if len(b.Succs) != 2 || len(b.Nodes) == 0 {
		return nil, false
	}
	e, ok := b.Nodes[len(b.Nodes)-1].(ast.Expr)
	return e, ok
}
