package httpclient

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"

	"github.com/prodlint/prodlint/analyzers/internal/index"
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
			"method only after the send, outside any loop around both, leaves that send a HEAD), also when sent as a copy " +
			"made by req.WithContext(ctx) or req.Clone(ctx), which keeps the method: a HEAD response has no " +
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
		Name:    "once-in-command",
		Fixture: "setRegistryURL",
		Doc: "A send made, outside any loop, in a function one run of a command-line command runs once: a function " +
			"literal held by cobra.Command's Run, RunE or one of their Pre/Post hooks (or assigned to one), or an " +
			"unexported function used only as such a value; or a function only ever started once from one of those, " +
			"outside any loop: an unexported plain function the package only calls, a literal called in place " +
			"(go func() { ... }()) or handed to errgroup.Group.Go, sync.WaitGroup.Go or sync.Once.Do. One invocation of " +
			"the program runs it once, as it runs main once, so at most one connection is held and nothing accumulates. " +
			"A helper also called in a loop, from a method, from an exported function, recursively, or used as a value " +
			"is still reported (unless once-before-exit holds).",
		Applies: func(c sendResults) bool { return onceInCommand(c.p, c.sa.cursor) },
	},
	{
		Name: "cancelled-on-return",
		Doc: "A response from client.Do(req) whose body the function closes or hands over on some path, sent outside any " +
			"loop, where req carries a context made in the same function by context.WithCancel, WithTimeout or " +
			"WithDeadline (or a Cause form) whose cancel is deferred there, all in top-level statements of the function " +
			"before the send and none assigned again before it (ctx, cancel := context.WithTimeout(ctx, d); defer " +
			"cancel(); req, err := http.NewRequestWithContext(ctx, ...), or req = req.WithContext(ctx)): on a path that " +
			"returns with the body open (a status-error return above the close), the cancel fires on return and the " +
			"Transport then closes the connection of a body not read to its end and stops its reader, so nothing is held " +
			"past the call. A body the function never closes (or a discarded response) is still reported: every call " +
			"then loses its connection instead of reusing it. So are a send in a loop (each turn holds a connection " +
			"until the function returns), a cancel that is called but not deferred, and a context or request assigned " +
			"again before the send.",
		Applies: func(c sendResults) bool {
			return c.ok && c.r.respVar != nil && bodyHandled(c.p.TypesInfo, match.OutermostFunc(c.sa.cursor), c.r.respVar) &&
				cancelledOnReturn(c.p, c.sa)
		},
	},
	{
		Name: "once-before-exit",
		Doc: "A send made outside any loop and function literal in an unexported function (not a method) that the " +
			"package only ever calls, never uses as a value, and after each call of which every path ends in os.Exit, " +
			"log.Fatal or panic (if err := upgrade(); err != nil { log.Fatal(err) }; os.Exit(0)), or returns from a " +
			"function of the same kind (a health check whose caller's result only ever goes to os.Exit: " +
			"os.Exit(checkFromArgs())): the request is made once and the program then exits, so nothing accumulates. " +
			"A function also called where a path returns " +
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
	return exitsAfterEveryCall(p, p.ResultOf[sendsAnalyzer].(*sendScan), fd, 0)
}

// exitsAfterEveryCall reports whether fd is an unexported plain function
// that the package only calls, and after every call of which the process
// ends on every path. depth counts the callers followed so far.
func exitsAfterEveryCall(p *rule.Pass, scan *sendScan, fd *ast.FuncDecl, depth int) bool {
	if fd == nil || fd.Recv != nil || fd.Name.IsExported() || fd.Name.Name == "main" || fd.Name.Name == "init" || depth > 3 {
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
	for _, call := range calls {
		if !processEndsAfter(p, scan, call, fd, depth) {
			return false
		}
	}
	return onlyCalled(p.TypesInfo, fn, calls)
}

// processEndsAfter reports whether the process ends on every path after the
// call at c returns: the call is neither deferred nor started as a
// goroutine, lies outside any loop and outside fd itself, and every path
// from it reaches a call that never returns, or returns from a function
// after every call of which the process ends in turn
// (os.Exit(check()) around a helper that calls the sending one). Falling
// off the end of main does not count: a helper main calls once is still
// reported, as a request that a later change can make from a loop or a
// server.
func processEndsAfter(p *rule.Pass, scan *sendScan, c inspector.Cursor, fd *ast.FuncDecl, depth int) bool {
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
	// Returning ends the process when the function around the call (not a
	// literal in it) is itself only called where the process then ends.
	returnEnds := func() bool {
		for fc := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			caller, _ := fc.Node().(*ast.FuncDecl)
			return caller != fd && exitsAfterEveryCall(p, scan, caller, depth+1)
		}
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
	returns := 0 // 0 unknown, 1 ends the process, 2 does not
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
		if len(b.Succs) == 0 && !endsInNoReturn(p.TypesInfo, b) {
			if returns == 0 {
				returns = 2
				if returnEnds() {
					returns = 1
				}
			}
			ok = returns == 1
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
	refs := match.References(info, fn)
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

// bodyReturnQuiet is the safe form of a response whose body is left open
// only on paths that return from the function that sent it.
var bodyReturnQuiet = []rule.QuietForm[sendResults]{
	{
		Name: "returns-once-in-command",
		Doc: "A response left open only on a path that returns (a status check above the deferred close), sent in a " +
			"loop or not, in a function one run of a command runs once (as once-in-command: the command's run " +
			"function, or a helper only ever started once from it): the return ends the function's only run, so " +
			"at most one connection is held per invocation of the program. A path that comes round a loop to send " +
			"again is still reported.",
		Applies: func(c sendResults) bool { return returnsOnceInCommand(c.p, c.sa.cursor) },
	},
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
			"stored in a variable, field, slice, map or composite literal, or sent on a channel, also as the value of a " +
			"type assertion (rwc, ok := resp.Body.(io.ReadWriteCloser); return rwc): whoever receives it " +
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
			"bytes.Buffer.ReadFrom, io.Copy(io.Discard, resp.Body), io.Copy into a writer whose Write never fails: a " +
			"bytes.Buffer, a strings.Builder, a hash.Hash, or a base64, base32 or hex encoder over one) before any return, though never closed: at EOF " +
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
	rule.Form{Name: "branch-never-taken", Doc: "A path into the body of an if whose condition can never hold: " +
		"comparisons of one variable or field with integer constants whose ranges do not meet " +
		"(resp.StatusCode < 200 && resp.StatusCode > 299, always false), so the return there cannot run. The " +
		"condition is still a bug, but not a leak."},
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
	branchNeverTaken                        // branch-never-taken: a path entered an if body that cannot run
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
	if *w&branchNeverTaken != 0 {
		rule.Decided(p, send, "branch-never-taken")
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

// cancelledOnReturn reports whether the send at sa is client.Do(req),
// outside any loop, with a request bound to a context whose cancel the
// send's function defers: the context's making, the deferred cancel and
// the request's binding are top-level statements of that function before
// the send, and neither the context, its cancel nor the request is
// assigned again before the send, nor in a function literal.
func cancelledOnReturn(p *rule.Pass, sa sendAt) bool {
	s := sa.send
	if !match.IsMethod(s.fn, "net/http", "Client", "Do") || len(s.call.Args) != 1 || match.InLoop(sa.cursor) {
		return false
	}
	fn, body, _ := match.EnclosingFunc(p.TypesInfo, sa.cursor)
	if body == nil {
		return false
	}
	b := straightLine{p: p, fn: fn, stmts: body.List}
	at := b.holding(s.call.Pos())
	if at < 0 {
		return false
	}
	ctx, use, bound := b.requestContext(s.call.Args[0], at)
	if ctx == nil {
		return false
	}
	made, as, ok := b.lastBinding(ctx, bound, use)
	if !ok || as.Result != 0 || !as.Multi {
		return false
	}
	call, isCall := ast.Unparen(as.Value).(*ast.CallExpr)
	if !isCall || !match.IsFunc(match.Callee(p.TypesInfo, call), "context",
		"WithCancel", "WithCancelCause", "WithTimeout", "WithTimeoutCause", "WithDeadline", "WithDeadlineCause") {
		return false
	}
	assign := b.stmts[made].(*ast.AssignStmt)
	cancel := index.AssignedVar(p.TypesInfo, assign.Lhs[1])
	if cancel == nil {
		return false // discarded with _: nothing can cancel the context
	}
	if i, _, ok := b.lastBinding(cancel, at, s.call.Pos()); !ok || i != made {
		return false
	}
	for _, st := range b.stmts[made+1 : at] {
		if d, ok := st.(*ast.DeferStmt); ok {
			if id, ok := ast.Unparen(d.Call.Fun).(*ast.Ident); ok && p.TypesInfo.Uses[id] == cancel {
				return true
			}
		}
	}
	return false
}

// straightLine is the top-level statement list of a function, whose
// statements run in order on every path that reaches the last of them.
type straightLine struct {
	p     *rule.Pass
	fn    inspector.Cursor // the function declaration or literal
	stmts []ast.Stmt
}

// holding returns the index of the statement holding pos, or -1.
func (b straightLine) holding(pos token.Pos) int {
	return slices.IndexFunc(b.stmts, func(st ast.Stmt) bool { return st.Pos() <= pos && pos < st.End() })
}

// requestContext returns the context variable that the request
// expression e, used in statement at, carries, and where it is used: the
// argument of http.NewRequestWithContext, req.WithContext or req.Clone,
// given in e itself or in the statement that last assigned the request
// variable e; bound is the index of the statement that binds the two.
func (b straightLine) requestContext(e ast.Expr, at int) (ctx *types.Var, use token.Pos, bound int) {
	bound = at
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		req, _ := b.p.TypesInfo.Uses[id].(*types.Var)
		if req == nil {
			return nil, 0, 0
		}
		i, as, ok := b.lastBinding(req, at, id.Pos())
		if !ok || as.Result != 0 {
			return nil, 0, 0
		}
		e, bound = as.Value, i
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return nil, 0, 0
	}
	fn := match.Callee(b.p.TypesInfo, call)
	if !match.IsFunc(fn, "net/http", "NewRequestWithContext") && !match.IsMethod(fn, "net/http", "Request", "WithContext", "Clone") {
		return nil, 0, 0
	}
	id, ok := ast.Unparen(call.Args[0]).(*ast.Ident)
	if !ok {
		return nil, 0, 0
	}
	ctx, _ = b.p.TypesInfo.Uses[id].(*types.Var)
	return ctx, id.Pos(), bound
}

// lastBinding returns the index of the last statement before stmts[at]
// that is an assignment to v, and what it assigns, for the use of v at
// use: ok is false when v belongs to another function, is assigned in a
// function literal, or is assigned anywhere between that statement and
// use (inside a nested block too).
func (b straightLine) lastBinding(v *types.Var, at int, use token.Pos) (i int, as index.Assignment, ok bool) {
	fn := b.fn.Node()
	if v.Pos() < fn.Pos() || fn.End() <= v.Pos() {
		return 0, as, false
	}
	i = -1
	var assigned []token.Pos
	for _, a := range b.p.Index.Assignments(v) {
		if f, _, _ := match.EnclosingFunc(b.p.TypesInfo, a.Target); f.Node() != fn {
			return 0, as, false
		}
		pos := a.Target.Node().Pos()
		assigned = append(assigned, pos)
		j := b.holding(pos)
		if j < 0 || j >= at || pos >= use {
			continue
		}
		if st, ok := b.stmts[j].(*ast.AssignStmt); ok && a.Target.Parent().Node() == st && j > i {
			i, as = j, a
		}
	}
	if i < 0 {
		return 0, as, false
	}
	for _, pos := range assigned {
		if b.stmts[i].End() <= pos && pos < use {
			return 0, as, false
		}
	}
	return i, as, true
}
