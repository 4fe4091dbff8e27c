package resilience

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/index"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
	"github.com/prodlint/prodlint/analyzers/internal/summary/iosum"
)

// retryLoopsAnalyzer finds the retry loops of a package once for both
// retry rules, which require it. Like inspect.Analyzer it holds no state;
// its result computes on the first rule's question.
var retryLoopsAnalyzer = &analysis.Analyzer{
	Name:       "prodlint_retryloops",
	Doc:        "finds the retry loops of a package and the functions that reach the network or wait",
	Requires:   []*analysis.Analyzer{index.Analyzer, iosum.Analyzer},
	ResultType: reflect.TypeOf((*retryLoops)(nil)),
	Run: func(pass *analysis.Pass) (any, error) {
		return &retryLoops{info: pass.TypesInfo, pkg: pass.Pkg, idx: pass.ResultOf[index.Analyzer].(*index.Index),
			io: pass.ResultOf[iosum.Analyzer].(*iosum.Summary)}, nil
	},
}

// retryLoops is the result of retryLoopsAnalyzer.
type retryLoops struct {
	info *types.Info
	pkg  *types.Package
	idx  *index.Index
	io   *iosum.Summary

	once  sync.Once
	facts *packageFacts
	loops []retryLoop
	not   []notRetry
}

// retryLoopsOf returns the package's facts and retry loops, computed on
// first use.
func retryLoopsOf(p *rule.Pass) (*packageFacts, []retryLoop) {
	r := loopsComputed(p)
	return r.facts, r.loops
}

// notRetriesOf returns the loops found to be no retry loops while the
// retry loops were collected, each with the quiet form that decided it.
func notRetriesOf(p *rule.Pass) []notRetry { return loopsComputed(p).not }

func loopsComputed(p *rule.Pass) *retryLoops {
	r := p.ResultOf[retryLoopsAnalyzer].(*retryLoops)
	r.once.Do(func() {
		r.facts = collectFacts(r.info, r.pkg, r.idx, r.io)
		r.loops, r.not = findRetryLoops(r.info, r.pkg, r.facts)
		r.loops = append(r.loops, findRetryRecursions(r.info, r.facts)...)
	})
	return r
}

// packageFacts is what one walk over the package's calls learns: every
// call, and which functions of the package wait, directly or through other
// functions of the package; which functions reach the network, here or
// through other packages, is the I/O summary's answer. A retry loop
// usually calls a small helper (fetch, doRequest) rather than c.Do itself.
type packageFacts struct {
	calls []inspector.Cursor
	io    *iosum.Summary
	waits map[*types.Func]bool
}

func collectFacts(info *types.Info, pkg *types.Package, idx *index.Index, io *iosum.Summary) *packageFacts {
	pf := &packageFacts{io: io, waits: map[*types.Func]bool{}}
	callees := map[*types.Func][]*types.Func{} // same-package call graph
	for c := range idx.Calls() {
		pf.calls = append(pf.calls, c)
		call := c.Node().(*ast.CallExpr)
		caller := match.DeclaredFunc(info, c)
		if caller == nil {
			continue
		}
		fn := match.Callee(info, call)
		switch {
		case isWaitCall(info, call, nil):
			pf.waits[caller] = true
		case fn != nil && fn.Pkg() == pkg:
			callees[caller] = append(callees[caller], fn)
		}
	}
	for changed := true; changed; { // propagate to callers until nothing changes
		changed = false
		for caller, fns := range callees {
			for _, fn := range fns {
				if pf.waits[fn] && !pf.waits[caller] {
					pf.waits[caller], changed = true, true
				}
			}
		}
	}
	return pf
}

// isWaitCall reports whether call pauses before the next attempt: a time
// sleep, timer or ticker, anything from github.com/cenkalti/backoff, a
// function of the package that does one of those, or a call whose name
// says it waits (Backoff, Sleep, Wait: rate.Limiter.Wait, a retry
// policy's Backoff field).
func isWaitCall(info *types.Info, call *ast.CallExpr, pf *packageFacts) bool {
	fn := match.Callee(info, call)
	if fn != nil && match.IsFunc(fn, "time", "Sleep", "After", "NewTimer", "NewTicker", "Tick") {
		return true
	}
	if fn != nil && fn.Pkg() != nil && strings.HasPrefix(fn.Pkg().Path(), "github.com/cenkalti/backoff") {
		return true
	}
	if pf != nil && fn != nil && pf.waits[fn] {
		return true
	}
	name := strings.ToLower(calleeName(call))
	return strings.Contains(name, "backoff") || strings.Contains(name, "sleep") || strings.Contains(name, "wait")
}

// waitsIn reports whether the loop pauses anywhere between attempts: a
// wait call, a channel receive (<-timer.C, <-time.After(d), <-limiter),
// a range over a channel (ticker.C), or a select with no default case (it
// blocks until a timer, ctx.Done() or another channel is ready). A select
// with a default never blocks.
func waitsIn(info *types.Info, loop inspector.Cursor, pf *packageFacts) bool {
	if r, ok := loop.Node().(*ast.RangeStmt); ok {
		if _, ok := info.TypeOf(r.X).Underlying().(*types.Chan); ok {
			return true // for range ticker.C waits for each tick
		}
	}
	for c := range loop.Preorder((*ast.CallExpr)(nil), (*ast.UnaryExpr)(nil), (*ast.SelectStmt)(nil)) {
		if waitsAt(info, c, pf) {
			return true
		}
	}
	return false
}

// waitsAt reports whether the call, receive or select at c pauses: a
// wait call, a receive that is not polled, a select with no default.
func waitsAt(info *types.Info, c inspector.Cursor, pf *packageFacts) bool {
	switch n := c.Node().(type) {
	case *ast.CallExpr:
		return isWaitCall(info, n, pf)
	case *ast.UnaryExpr:
		return n.Op == token.ARROW && !isPolledReceive(c)
	case *ast.SelectStmt:
		return !hasDefault(n)
	}
	return false
}

// waitsInTurn is waitsIn for what runs in the loop's own goroutine: a wait
// in a go statement (go serve(conn), where serving a connection waits on
// it) or in a function literal the loop only hands on (a callback) does not
// pause the loop.
//
// Nor does a wait on a path that then leaves the loop (if err != nil {
// wg.Wait(); return err }): it does not pause the turns that come back.
func waitsInTurn(f *flow, pf *packageFacts) bool {
	for c := range f.loop.Preorder((*ast.CallExpr)(nil), (*ast.UnaryExpr)(nil), (*ast.SelectStmt)(nil)) {
		if waitsAt(f.info, c, pf) && !runsElsewhere(c, f.loop) && !f.leavesAfter(listStmt(c)) {
			return true
		}
	}
	return false
}

// runsElsewhere reports whether the node at c, inside loop, runs outside
// the loop's turn: in a go or defer statement, or in a function literal
// that is not called where it is written (a callback handed on).
func runsElsewhere(c, loop inspector.Cursor) bool {
	for p := c.Parent(); p.Valid() && p != loop; p = p.Parent() {
		switch n := p.Node().(type) {
		case *ast.GoStmt, *ast.DeferStmt:
			return true
		case *ast.FuncLit:
			if call, ok := p.Parent().Node().(*ast.CallExpr); !ok || call.Fun != n {
				return true
			}
		}
	}
	return false
}

// isPolledReceive reports whether the receive at c is a case of a select
// with a default, which polls the channel instead of waiting on it.
func isPolledReceive(c inspector.Cursor) bool {
	stmt := c.Parent() // the case's ExprStmt or AssignStmt
	clause, ok := stmt.Parent().Node().(*ast.CommClause)
	if !ok || clause.Comm != stmt.Node() {
		return false
	}
	sel, ok := stmt.Parent().Parent().Parent().Node().(*ast.SelectStmt) // CommClause -> body -> select
	return ok && hasDefault(sel)
}

func hasDefault(s *ast.SelectStmt) bool {
	for _, cc := range s.Body.List {
		if cc.(*ast.CommClause).Comm == nil {
			return true
		}
	}
	return false
}
