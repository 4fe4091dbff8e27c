package httpclient

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"

	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// sendResults is a send and what happens to its results, a candidate of
// http-bodyclose, http-error and http-status.
type sendResults struct {
	p  *rule.Pass
	sa sendAt
	r  results
	ok bool // the results are assigned, not handed straight on
}

// resultsHandedOn is the quiet form of a send whose results go straight
// into a call or a return.
var resultsHandedOn = rule.QuietForm[sendResults]{
	Name:    "results-handed-on",
	Doc:     "Results that go straight into a call or a return (return client.Get(u)): whoever receives them owns them.",
	Applies: func(c sendResults) bool { return !c.ok },
}

// sendTestHarness is the test-harness form of a send.
var sendTestHarness = rule.TestHarness(func(c sendResults) bool { return c.p.IsTestCode(c.sa.cursor) })

// bodyCloseQuiet are the safe forms of a send, whatever its response.
var bodyCloseQuiet = []rule.QuietForm[sendResults]{
	resultsHandedOn,
	{
		Name: "head-request",
		Doc: "HEAD requests: http.Head, client.Head, and client.Do(req) where req is built by http.NewRequest or " +
			"NewRequestWithContext with the constant method HEAD (or req.Method is set to it; a req.Method set to another " +
			"method only after the send, outside any loop around both, leaves that send a HEAD): a HEAD response has no " +
			"body, and the Transport puts its connection back in the pool without waiting for a Close.",
		Applies: func(c sendResults) bool { return c.sa.sendsHead(c.p.TypesInfo, c.sa.cursor) },
	},
	sendTestHarness,
	{
		Name:    "once-in-main",
		Fixture: "main",
		Doc: "A send made directly in func main of a main package, outside any loop and function literal: it runs " +
			"once per process, and the process ends when main returns, so at most one connection is held and " +
			"nothing accumulates (a one-shot health check or CLI call). A send in a loop or a function literal in " +
			"main, or in a function main calls, is still reported (unless once-before-exit holds).",
		Applies: func(c sendResults) bool { return onceInMain(c.p, c.sa.cursor) },
	},
	{
		Name: "once-before-exit",
		Doc: "A send made outside any loop and function literal in an unexported function (not a method) that the " +
			"package only ever calls, never uses as a value, and after each call of which every path ends in os.Exit, " +
			"log.Fatal or panic (if err := upgrade(); err != nil { log.Fatal(err) }; os.Exit(0)): the request is made " +
			"once and the program then exits, so nothing accumulates. A function also called where a path returns " +
			"(main's own return included: a helper main calls is reported), loops back, from a go or defer statement, " +
			"or used as a value, is still reported.",
		Applies: func(c sendResults) bool { return onceBeforeExit(c.p, c.sa.cursor) },
	},
}

// onceBeforeExit reports whether the send at c runs at most once before the
// process ends: it lies outside any loop and function literal of an
// unexported plain function that the package only calls, and after every
// call of it the process ends on every path.
func onceBeforeExit(p *rule.Pass, c inspector.Cursor) bool {
	if match.InLoop(c) {
		return false
	}
	var fd *ast.FuncDecl
	for fc := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fd, _ = fc.Node().(*ast.FuncDecl)
		break
	}
	if fd == nil || fd.Recv != nil || fd.Name.IsExported() || fd.Name.Name == "main" || fd.Name.Name == "init" {
		return false
	}
	fn, ok := p.TypesInfo.Defs[fd.Name].(*types.Func)
	if !ok {
		return false
	}
	calls := p.Index.CallsOf(fn)
	if len(calls) == 0 {
		return false
	}
	scan := p.ResultOf[sendsAnalyzer].(*sendScan)
	for _, call := range calls {
		if !processEndsAfter(p, scan, call, fd) {
			return false
		}
	}
	return onlyCalled(p.TypesInfo, fn, calls)
}

// processEndsAfter reports whether the process ends on every path after the
// call at c returns: the call is neither deferred nor started as a
// goroutine, lies outside any loop and outside fd itself, and every path
// from it reaches a call that never returns. Falling off the end of main
// does not count: a helper main calls once is still reported, as a request
// that a later change can make from a loop or a server.
func processEndsAfter(p *rule.Pass, scan *sendScan, c inspector.Cursor, fd *ast.FuncDecl) bool {
	switch c.ParentEdgeKind() {
	case edge.GoStmt_Call, edge.DeferStmt_Call:
		return false
	}
	if match.InLoop(c) || fd.Pos() <= c.Node().Pos() && c.Node().End() <= fd.End() {
		return false
	}
	f, ok := scan.flowOf(c)
	if !ok {
		return false
	}
	start := blockHolding(f.g, c.Node())
	if start == nil {
		return false
	}
	// A path that comes round again (a back edge) can loop for ever without
	// the process ending, so it does not count as ending it.
	const (
		onPath = iota + 1
		endsHere
		goesOn
	)
	state := map[*cfg.Block]int{}
	var ends func(b *cfg.Block) bool
	ends = func(b *cfg.Block) bool {
		switch state[b] {
		case onPath, goesOn:
			return false
		case endsHere:
			return true
		}
		state[b] = onPath
		ok := true
		if len(b.Succs) == 0 {
			ok = endsInNoReturn(p.TypesInfo, b)
		}
		for _, s := range b.Succs {
			if ok && !ends(s) {
				ok = false
			}
		}
		state[b] = goesOn
		if ok {
			state[b] = endsHere
		}
		return ok
	}
	return ends(start)
}

// blockHolding returns the block of g whose node contains n, or nil.
func blockHolding(g *cfg.CFG, n ast.Node) *cfg.Block {
	for _, b := range g.Blocks {
		for _, m := range b.Nodes {
			if m.Pos() <= n.Pos() && n.End() <= m.End() {
				return b
			}
		}
	}
	return nil
}

// onlyCalled reports whether every reference to fn in the package is the
// callee of one of calls: fn is never taken as a value, which could be
// called from anywhere.
func onlyCalled(info *types.Info, fn *types.Func, calls []inspector.Cursor) bool {
	refs := 0
	for id, obj := range info.Uses {
		if obj == fn && id.Pos().IsValid() {
			refs++
		}
	}
	direct := 0
	for _, c := range calls {
		if id, ok := ast.Unparen(c.Node().(*ast.CallExpr).Fun).(*ast.Ident); ok && info.Uses[id] == fn {
			direct++
		}
	}
	return refs == direct && direct == len(calls)
}

// onceInMain reports whether the send at c lies directly in the body of
// main.main: not in a function literal nor in a loop.
func onceInMain(p *rule.Pass, c inspector.Cursor) bool {
	if p.Pkg.Name() != "main" || match.InLoop(c) {
		return false
	}
	for fc := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fd, ok := fc.Node().(*ast.FuncDecl)
		return ok && fd.Recv == nil && fd.Name.Name == "main"
	}
	return false
}

// bodyCloseVarQuiet are the safe forms of a response kept in a variable.
var bodyCloseVarQuiet = []rule.QuietForm[sendResults]{
	{
		Name:    "named-result",
		Doc:     "A response kept in a named result of the function: a naked return hands it to the caller.",
		Applies: func(c sendResults) bool { return isResult(c.p.TypesInfo, c.sa.cursor, c.r.respVar) },
	},
}

// bodyPathQuiet is the safe form of a response whose body is closed or
// handed over somewhere: the candidate says whether no path from the send
// reaches a return with the body still open.
var bodyPathQuiet = []rule.QuietForm[bool]{
	{
		Name: "closed-on-every-path",
		Doc: "A response whose Body is closed or handed over on every path from the send to a return: closed " +
			"directly, deferred, in a closure (defer func() { _ = resp.Body.Close() }()) or as a method value " +
			"(resp.Body.Close passed on); or leaving the function, returned, passed to a call other than a standard " +
			"reader (io.ReadAll, io.Copy, json.NewDecoder, bufio, bytes.Buffer.ReadFrom, an io.LimitedReader over it...), " +
			"stored in a variable, field, slice, map or composite literal, or sent on a channel: whoever receives it " +
			"owns the close. A path on which the send failed, or on which resp.Body == nil holds, has nothing to close.",
		Applies: func(closedOnEveryPath bool) bool { return closedOnEveryPath },
	},
}

// bodyDrainQuiet is the safe form of a response whose body is read to its
// end: the candidate says whether no path from the send reaches a return
// before the body is closed, handed over or read whole.
var bodyDrainQuiet = []rule.QuietForm[bool]{
	{
		Name: "read-to-eof",
		Doc: "A response whose Body is read to its end on every path from the send to a return (io.ReadAll(resp.Body), " +
			"bytes.Buffer.ReadFrom, io.Copy(io.Discard, resp.Body)) before any return, though never closed: at EOF " +
			"the Transport puts the connection back in its pool, and a failed read drops it, so nothing is held. " +
			"The body wrapped in io.LimitReader in place, or in an io.LimitedReader literal read in place or through " +
			"the variable that holds it, with a constant cap of at least 64 KiB (io.ReadAll(io.LimitReader(resp.Body, " +
			"1<<20)), lr := &io.LimitedReader{R: resp.Body, N: 1 << 20}; io.ReadAll(lr)) counts too: only a reply larger than the cap stops " +
			"short of EOF and holds its connection; a smaller cap (512 bytes of an error message) is reported.",
		Applies: func(drainedOnEveryPath bool) bool { return drainedOnEveryPath },
	},
}

// bodyCloseCollected are the safe forms http-bodyclose decides while it
// follows the paths after a send: the path is never a candidate.
var bodyCloseCollected = rule.Collected(
	rule.Form{Name: "failed-send-path", Doc: "A path on which the send failed carries no body: a return under " +
		"`if err != nil`, `resp == nil` or another test of the send's err (retryable(err)), until err is assigned " +
		"again by anything but a plain read of the body (io.ReadAll, io.ReadFull, resp.Body.Read: a read error " +
		"drops the connection)."},
	rule.Form{Name: "panic-or-exit-path", Doc: "A path that panics or exits: the process, not the connection, ends."},
	rule.Form{Name: "closed-elsewhere", Doc: "A response variable declared in an enclosing function, or closed by " +
		"code set up before the send (a deferred closure declared earlier, the previous turn of a loop), is left " +
		"to that code; a close above the send in straight-line code (of the response a reused variable held " +
		"before) runs only before it and does not count."},
)

// pathForms records, for prodlint -explain, which collected forms ended the
// paths after a send (unclosedReturnWhy); a nil *pathForms records nothing.
type pathForms uint8

const (
	leftElsewhere     pathForms = 1 << iota // closed-elsewhere: the response is left to code outside the paths
	failedSendReturns                       // failed-send-path: a path on which the send failed reached a return
	panicsOrExits                           // panic-or-exit-path: a path ended in a call that never returns
)

// note records form f, when w records.
func (w *pathForms) note(f pathForms) {
	if w != nil {
		*w |= f
	}
}

// decide names, at the send, the collected forms that kept a send whose
// paths reach no return with the body open from being a candidate, and
// reports whether the response was left to code elsewhere: then that form
// alone decided, and closed-on-every-path does not apply.
func (w *pathForms) decide(p *rule.Pass, send ast.Node) (elsewhere bool) {
	if w == nil {
		return false
	}
	if *w&leftElsewhere != 0 {
		rule.Decided(p, send, "closed-elsewhere")
		return true
	}
	if *w&failedSendReturns != 0 {
		rule.Decided(p, send, "failed-send-path")
	}
	if *w&panicsOrExits != 0 {
		rule.Decided(p, send, "panic-or-exit-path")
	}
	return false
}

// endsInNoReturn reports whether the block's last node is a call that
// never returns (panic, os.Exit, log.Fatal...).
func endsInNoReturn(info *types.Info, b *cfg.Block) bool {
	if len(b.Nodes) == 0 {
		return false
	}
	stmt, ok := b.Nodes[len(b.Nodes)-1].(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := ast.Unparen(stmt.X).(*ast.CallExpr)
	return ok && noReturn(info, call)
}
