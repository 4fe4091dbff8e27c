package httpclient

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"

	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/index"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// BodyClose returns the http-bodyclose rule.
func BodyClose() *rule.Rule {
	return &rule.Rule{
		ID:       "http-bodyclose",
		Severity: config.SeverityWarning,
		Enabled:  true,
		Imports:  []string{"net/http"},
		Requires: helperRequires,
		Doc: rule.Doc{
			Title: "report HTTP response bodies that are never closed",
			Why: "Until resp.Body is closed, the response holds its TCP connection (and, over HTTP/2, a stream) and the " +
				"Transport's reader goroutines: the connection cannot go back to the pool, so each call dials a new one. " +
				"Under load the process runs out of file descriptors or ephemeral ports, and the upstream of connection slots. " +
				"This is the health check that exhausted its pool in minutes: it looked at the error and dropped the response.",
			Bad: "resp, err := http.Get(url)\n" +
				"if err != nil {\n\treturn err\n}\n" +
				"return json.NewDecoder(resp.Body).Decode(&v)",
			Good: "resp, err := client.Get(url)\n" +
				"if err != nil {\n\treturn err\n}\n" +
				"defer resp.Body.Close()\n" +
				"return json.NewDecoder(resp.Body).Decode(&v)",
			Scope: "In `if err != nil || resp.StatusCode != 200` the status half still returns with a body. " +
				"Reported on a path: a status check that returns before the deferred close (`if resp.StatusCode != 200 " +
				"{ return err }` above `defer resp.Body.Close()`), a close on one branch only, a response returned on " +
				"success but dropped on the status-error path; the message gives the line of the return. A body never closed " +
				"but read to EOF on some paths (which hands the connection back) is reported with the path that leaves it " +
				"unread. " +
				"Reported too: a response discarded with _ or by calling Do/Get as a statement. " +
				"Followed into helpers: a function of the program, in the package or imported, whose results are " +
				"(*http.Response, error) and that returns the response of a request it sends with the body open on " +
				"success (closing or reading it only on the paths that return an error) is judged like a send, and " +
				"its caller must close the body; a helper that closes, reads or hands on the body on its success path " +
				"is not. A caller in a package that does not import net/http is not checked. " +
				"Reported too, when no return leaks: a retry that comes back round its loop to the same send with the " +
				"body of the response it got neither closed nor handed over (a continue on a 503 before the close): " +
				"the next attempt replaces the response, and each attempt that takes that path loses a connection. " +
				"Not seen: a variable reused for two responses counts as closed when one of them is. " +
				"Reported although nothing accumulates: a leak on a status-error return of a function whose callers, in " +
				"other packages, end the process on that error (a one-shot command's RunE that calls it, log.Fatal in main), since a " +
				"pass sees the packages it imports, never its importers; this is the rule's commonest false finding on " +
				"real code. The close is still the right fix, and costs one line. " +
				"Default severity warning (it still fails the run): on real code an early-return finding is right less " +
				"often than a body never closed, because where the error goes after the function returns decides whether " +
				"anything accumulates, and the leaking function does not show it.",
		},
		Quiet: rule.Declare(bodyCloseCollected, rule.Forms(bodyCloseQuiet), rule.Forms(bodyCloseVarQuiet), rule.Forms(bodyPathQuiet), rule.Forms(bodyDrainQuiet), rule.Forms(bodyReturnQuiet)),
		Run:   runBodyClose,
	}
}

func runBodyClose(p *rule.Pass) error {
	for _, sa := range sendsAndHelpers(p) {
		c, s := sa.cursor, sa.send
		p.At(c.Node())
		r, ok := resultsOf(p.TypesInfo, c)
		cand := sendResults{p, sa, r, ok}
		if rule.Quiet(p, s.call, bodyCloseQuiet, cand) {
			continue
		}
		api := s.api(p.TypesInfo)
		switch {
		case r.discarded || match.IsBlank(r.resp):
			p.Reportf(s.call, "the response of %s is discarded, so its body is never closed: every call leaks a connection "+
				"until the service runs out of sockets; keep the response and defer resp.Body.Close() once err is nil", api)
		case r.respVar != nil && !rule.Quiet(p, s.call, bodyCloseVarQuiet, cand) && !bodyHandled(p.TypesInfo, match.OutermostFunc(c), r.respVar):
			var unread *ast.ReturnStmt // a return reached with the body neither read to EOF nor closed
			var unreadAtEnd bool
			if _, _, leaks := unclosedReturn(p, c, r, false); leaks {
				// Analyzable, and some path reaches a return: is the body read whole before each?
				ret, atEnd, leaks := unclosedReturn(p, c, r, true)
				if rule.Quiet(p, s.call, bodyDrainQuiet, !leaks) {
					continue
				}
				unread, unreadAtEnd = ret, atEnd
			}
			name := r.respVar.Name()
			if unread != nil && readsToEOF(p, c, r) {
				// Other paths read the body to EOF, which hands the connection back: name the one that leaks.
				p.Reportf(s.call, "the body of the response from %s is never closed, and is read to the end on some "+
					"paths only: on the path that reaches %s it is neither read nor closed, so each call that takes "+
					"this path leaks a connection until the service runs out of sockets; defer %s.Body.Close() once "+
					"err is nil", api, pathEnd(p, unread, unreadAtEnd), name)
				continue
			}
			if cp := copiedOut(p, c, r); cp != nil {
				// io.Copy into a writer that may fail reads to EOF on success: only a failed write leaks.
				p.Reportf(s.call, "the body of the response from %s is never closed, and %s reads it to the end only "+
					"while every write succeeds: a write that fails (a client gone away, a full disk) leaves the rest "+
					"unread, and each such call leaks a connection; defer %s.Body.Close() once err is nil",
					api, "io."+match.Callee(p.TypesInfo, cp).Name(), name)
				continue
			}
			p.Reportf(s.call, "the body of the response from %s is never closed: every call leaks a connection "+
				"until the service runs out of sockets; defer %s.Body.Close() once err is nil", api, name)
		case r.respVar != nil && !isResult(p.TypesInfo, c, r.respVar):
			var why *pathForms
			if p.Explaining() {
				why = new(pathForms)
			}
			leak := unclosedPaths(p, c, r, false, why)
			ret, atEnd := leak.ret, leak.atEnd
			if !leak.leaks && why.decide(p, s.call) {
				continue
			}
			if rule.Quiet(p, s.call, bodyPathQuiet, !leak.leaks) {
				continue
			}
			if _, _, leaks := unclosedReturn(p, c, r, true); rule.Quiet(p, s.call, bodyDrainQuiet, !leaks) {
				continue
			}
			if !leak.sendsAgain && rule.Quiet(p, s.call, bodyReturnQuiet, cand) {
				continue
			}
			name := r.respVar.Name()
			if ret == nil {
				p.Reportf(s.call, "the body of the response from %s is not closed on the path that comes round the loop "+
					"to send again: the request succeeded but %s.Body is neither closed nor handed over before the next "+
					"attempt replaces %s, so each retry that takes this path leaks a connection; close %s.Body before "+
					"trying again", api, name, name, name)
				continue
			}
			p.Reportf(s.call, "the body of the response from %s is not closed on the path that reaches %s: "+
				"the request succeeded but %s.Body is neither closed nor handed over before it, so each call that "+
				"takes this path leaks a connection; defer %s.Body.Close() right after the error check", api, pathEnd(p, ret, atEnd), name, name)
		}
	}
	return nil
}

// pathEnd names where a leaking path ends for a message: the return at
// its line, or the end of the function.
func pathEnd(p *rule.Pass, ret *ast.ReturnStmt, atEnd bool) string {
	if ret == nil {
		return "the next turn of the loop, which sends again"
	}
	if atEnd {
		return fmt.Sprintf("the end of the function (line %d)", p.Fset.Position(ret.Pos()).Line)
	}
	return fmt.Sprintf("the return at line %d", p.Fset.Position(ret.Pos()).Line)
}

// readsToEOF reports whether the function of the send reads the body of
// its response to EOF somewhere (io.ReadAll, io.Copy to io.Discard, …),
// outside function literals: on the paths through that read the
// connection goes back to the pool even though the body is never closed.
func readsToEOF(p *rule.Pass, c inspector.Cursor, r results) bool {
	scan := p.ResultOf[sendsAnalyzer].(*sendScan)
	f, ok := scan.flowOf(c)
	if !ok {
		return false
	}
	for _, use := range scan.uses(f, r.respVar) {
		if !match.InFuncLitUnder(use, f.fn) && len(eofReads(p.TypesInfo, p.Index, use, f.fn)) > 0 {
			return true
		}
	}
	return false
}

// bodyHandled reports whether, somewhere in fn, the body of resp is
// closed, or resp or its body leave the function's view.
func bodyHandled(info *types.Info, fn inspector.Cursor, resp *types.Var) bool {
	if !fn.Valid() {
		return true
	}
	for _, use := range usesOf(info, fn, resp) {
		if escapes(info, use) {
			return true
		}
		sel, field := responseField(info, use)
		if field != "Body" {
			continue
		}
		if access, _ := accessOf(info, sel); access == bodyClosed || escapes(info, sel) {
			return true
		}
	}
	return false
}

// isResult reports whether v is a named result of a function around c: a
// naked return hands it to the caller.
func isResult(info *types.Info, c inspector.Cursor, v *types.Var) bool {
	for fc := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		sig := match.Signature(info, fc.Node())
		if sig == nil {
			continue
		}
		for i := range sig.Results().Len() {
			if sig.Results().At(i) == v {
				return true
			}
		}
	}
	return false
}

// unclosedReturn returns the earliest return, after the send at c, that
// a path reaches with the response in hand and its body neither closed nor
// handed over: a status check that returns before the defer, a close on
// one branch only. Paths on which the send failed (err != nil, resp ==
// nil) carry no body and are not followed. With drains, a read of the
// whole body (eofReads) ends a path too.
func unclosedReturn(p *rule.Pass, c inspector.Cursor, r results, drains bool) (ret *ast.ReturnStmt, atEnd, ok bool) {
	l := unclosedPaths(p, c, r, drains, nil)
	return l.ret, l.atEnd, l.leaks
}

// bodyLeak is where the paths after a send leave its body open.
type bodyLeak struct {
	ret        *ast.ReturnStmt // the earliest return reached with the body open, or nil
	atEnd      bool            // ret is the implicit return at the closing brace
	leaks      bool            // a return is reached with the body open, or a loop comes round to the send
	sendsAgain bool            // a path comes round a loop to the send with the body open
}

// unclosedPaths is unclosedReturn that also says whether a path comes
// round a loop to the send and, given why (prodlint -explain), records
// which collected forms of http-bodyclose ended a path: it then follows
// the paths on which the send failed too, to see whether one would have
// reached a return with the body open.
func unclosedPaths(p *rule.Pass, c inspector.Cursor, r results, drains bool, why *pathForms) bodyLeak {
	info := p.TypesInfo
	scan := p.ResultOf[sendsAnalyzer].(*sendScan)
	f, ok := scan.flowOf(c)
	if !ok || r.node == nil {
		return bodyLeak{}
	}
	if !declaredIn(r.respVar, f.fn) {
		why.note(leftElsewhere)
		return bodyLeak{} // a variable of an enclosing function: whoever declared it may close it
	}
	// Where the body is closed or handed over, or resp gets another value.
	var handled positions
	readErrs := map[*types.Var]bool{}
	closedBefore := false // by code set up before the send that runs after it
	for _, use := range scan.uses(f, r.respVar) {
		if isHandled(info, use, f.fn) {
			handled = append(handled, use.Node().Pos())
			if use.Node().Pos() < r.node.Pos() && (match.InFuncLitUnder(use, f.fn) || inLoopWith(use, c)) {
				closedBefore = true
			}
		} else if drains && !match.InFuncLitUnder(use, f.fn) {
			handled = append(handled, eofReads(info, p.Index, use, f.fn)...)
		}
		if v := readErrorOf(info, use, r.respVar); v != nil {
			readErrs[v] = true
		}
	}
	slices.Sort(handled)
	if closedBefore {
		why.note(leftElsewhere)
		return bodyLeak{} // closed by code that runs before the send: a deferred closure, the previous loop turn
	}
	// Where err gets another value: a later test of err is not the send's,
	// unless the value is the error of reading the body, after which the
	// Transport has dropped the connection itself.
	var errSet positions
	if r.errVar != nil {
		for _, use := range scan.uses(f, r.errVar) {
			if isAssigned(use) && !readsBodyOnly(info, use.Parent().Node().(*ast.AssignStmt), r.respVar) {
				errSet = append(errSet, use.Node().Pos())
			}
		}
	}
	start, i, ok := f.at(r.node)
	if !ok {
		return bodyLeak{}
	}
	// failed marks a path on which the send failed: followed only for why,
	// it never yields a return.
	type state struct {
		b        *cfg.Block
		from     int
		errFresh bool
		failed   bool
	}
	type seenKey struct {
		b        *cfg.Block
		errFresh bool
		failed   bool
	}
	var found *ast.ReturnStmt
	sendsAgain := false // a path came round a loop to the send with the body open
	seen := map[seenKey]bool{}
	stack := []state{{start, i + 1, r.errVar != nil, false}}
path:
	for len(stack) > 0 {
		s := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, n := range s.b.Nodes[s.from:] {
			if n == r.node && !s.failed {
				sendsAgain = true // the next turn's response replaces this one, whose body is lost
			}
			if n == r.node || handled.within(n) {
				continue path // closed, handed over, or a new response
			}
			if inAny(f.dead, n) {
				why.note(branchNeverTaken)
				continue path
			}
			if errSet.within(n) {
				s.errFresh = false
			}
			if ret, ok := n.(*ast.ReturnStmt); ok {
				if s.failed {
					why.note(failedSendReturns)
				} else if found == nil || ret.Pos() < found.Pos() {
					found = ret
				}
				continue path
			}
		}
		if why != nil && !s.failed && len(s.b.Succs) == 0 && endsInNoReturn(info, s.b) {
			why.note(panicsOrExits)
		}
		cond, branches := condOf(s.b)
		for k, next := range s.b.Succs {
			failed := s.failed
			if branches && noResponseOn(info, cond, k == 0, r.respVar, r.errVar, s.errFresh, readErrs) {
				if why == nil {
					continue // the send failed on this branch: there is no body
				}
				failed = true
			}
			if key := (seenKey{next, s.errFresh, failed}); !seen[key] {
				seen[key] = true
				stack = append(stack, state{next, 0, s.errFresh, failed})
			}
		}
	}
	if found == nil {
		// No return is reached with the body open, but a retry comes back
		// to the send: each turn that does loses a connection (ret nil).
		return bodyLeak{leaks: sendsAgain, sendsAgain: sendsAgain}
	}
	// The cfg puts the implicit return at the closing brace.
	return bodyLeak{ret: found, atEnd: found.Return == f.body.Rbrace, leaks: true, sendsAgain: sendsAgain}
}

// isHandled reports whether the use of a response variable at c, in the
// function at fn, closes its body or hands the response or its body over
// (returned, passed on, stored), or gives the variable a new value. A use
// in a function literal counts too: the literal may run at any time.
func isHandled(info *types.Info, use, fn inspector.Cursor) bool {
	if isAssigned(use) || escapes(info, use) || match.InFuncLitUnder(use, fn) {
		return true
	}
	if sel, field := responseField(info, use); field == "Body" {
		access, _ := accessOf(info, sel)
		return access == bodyClosed || escapes(info, sel)
	}
	return false
}

// readErrorOf returns the error variable assigned by the plain read of
// the body (readsBodyOnly) that the use of resp at c is part of, or nil.
func readErrorOf(info *types.Info, c inspector.Cursor, resp *types.Var) *types.Var {
	for p := c.Parent(); p.Valid(); p = p.Parent() {
		switch n := p.Node().(type) {
		case *ast.AssignStmt:
			if !readsBodyOnly(info, n, resp) {
				return nil
			}
			return localVar(info, n.Lhs[len(n.Lhs)-1])
		case ast.Stmt:
			return nil
		}
	}
	return nil
}

// readsBodyOnly reports whether the assignment as gets its error from a
// plain read of the body of resp (io.ReadAll, io.ReadFull,
// io.ReadAtLeast, bytes.Buffer.ReadFrom or resp.Body.Read, directly or
// through io.LimitReader): an error there comes from the connection, and
// the Transport closes a connection whose body fails to read. A decode
// or copy error leaves the body unread and the connection held.
func readsBodyOnly(info *types.Info, as *ast.AssignStmt, resp *types.Var) bool {
	if len(as.Rhs) != 1 {
		return false
	}
	call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := match.Callee(info, call)
	var reader ast.Expr
	switch {
	case match.IsFunc(fn, "io", "ReadAll", "ReadFull", "ReadAtLeast") || match.IsFunc(fn, "io/ioutil", "ReadAll") ||
		match.IsMethod(fn, "bytes", "Buffer", "ReadFrom"):
		if len(call.Args) == 0 {
			return false
		}
		reader = ast.Unparen(call.Args[0])
		if inner, ok := reader.(*ast.CallExpr); ok && match.IsCallTo(info, inner, "io", "LimitReader") && len(inner.Args) == 2 {
			reader = ast.Unparen(inner.Args[0])
		}
	case fn != nil && fn.Name() == "Read":
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		reader = ast.Unparen(sel.X)
	default:
		return false
	}
	sel, ok := reader.(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "Body" && localVar(info, sel.X) == resp
}

// eofReads returns where the body, at a use of a response variable, is
// read to its end: the use itself when it is an argument resp.Body of a
// call that reads the body whole (io.ReadAll, ioutil.ReadAll,
// bytes.Buffer.ReadFrom, or io.Copy / io.CopyBuffer into a writer that
// never fails, such as io.Discard or a bytes.Buffer). A body read to EOF hands its connection back to the Transport's pool
// without a Close (a failed read drops the connection); a decoder stops at
// the end of its value, so it does not count. The body wrapped in
// io.LimitReader in place, or in an io.LimitedReader literal (read in place
// or through the local variable that holds it: then each read of that
// variable is a place), with a constant limit of at least generousLimit
// counts as read whole: only a response larger than that cap, the
// exception, stops short of EOF; a small or variable cap does not count.
func eofReads(info *types.Info, idx *index.Index, use, fn inspector.Cursor) []token.Pos {
	sel, field := responseField(info, use)
	if field != "Body" {
		return nil
	}
	if lit, ok := limitedReaderOf(info, sel); ok {
		if n, ok := limitedReaderCap(info, lit); !ok || n < generousLimit {
			return nil
		}
		v, held := heldIn(info, lit)
		if !held {
			if readsWhole(info, idx, lit) {
				return []token.Pos{use.Node().Pos()}
			}
			return nil
		}
		var at []token.Pos
		for _, u := range usesOf(info, fn, v) {
			if u.Node().Pos() > lit.Node().End() && !match.InFuncLitUnder(u, fn) && readsWhole(info, idx, u) {
				at = append(at, u.Node().Pos())
			}
		}
		return at
	}
	reader := sel
	if sel.ParentEdgeKind() == edge.CallExpr_Args {
		call := sel.Parent().Node().(*ast.CallExpr)
		if match.IsCallTo(info, call, "io", "LimitReader") && len(call.Args) == 2 && ast.Unparen(call.Args[0]) == sel.Node() {
			if n, ok := match.ConstInt(info, call.Args[1]); !ok || n < generousLimit {
				return nil
			}
			reader = sel.Parent()
		}
	}
	if readsWhole(info, idx, reader) {
		return []token.Pos{use.Node().Pos()}
	}
	return nil
}

// copiedOut returns the io.Copy or io.CopyBuffer call, outside function
// literals, that copies the body of the response into a writer, or nil.
// Asked only once readsToEOF has found no read that cannot fail, so the
// writer is one that may fail (a ResponseWriter, a file): the copy reads
// the body to EOF unless a write fails first.
func copiedOut(p *rule.Pass, c inspector.Cursor, r results) *ast.CallExpr {
	scan := p.ResultOf[sendsAnalyzer].(*sendScan)
	f, ok := scan.flowOf(c)
	if !ok {
		return nil
	}
	for _, use := range scan.uses(f, r.respVar) {
		if match.InFuncLitUnder(use, f.fn) {
			continue
		}
		body, field := responseField(p.TypesInfo, use)
		if field != "Body" {
			continue
		}
		if call, ok := copiedFrom(p.TypesInfo, body); ok {
			return call
		}
	}
	return nil
}

// readsWhole reports whether the reader at c is the argument of a call
// that reads it to its end: io.ReadAll, ioutil.ReadAll,
// bytes.Buffer.ReadFrom, or io.Copy / io.CopyBuffer into a writer that
// never fails (writesNeverFail).
func readsWhole(info *types.Info, idx *index.Index, c inspector.Cursor) bool {
	c = match.Unparen(c)
	if c.ParentEdgeKind() != edge.CallExpr_Args {
		return false
	}
	call := c.Parent().Node().(*ast.CallExpr)
	fn := match.Callee(info, call)
	if match.IsFunc(fn, "io", "ReadAll") || match.IsFunc(fn, "io/ioutil", "ReadAll") ||
		match.IsMethod(fn, "bytes", "Buffer", "ReadFrom") {
		return len(call.Args) == 1
	}
	if cp, ok := copiedFrom(info, c); ok {
		return writesNeverFail(info, idx, cp.Args[0], 0)
	}
	return false
}

// copiedFrom returns the io.Copy or io.CopyBuffer call whose source is
// the reader at c.
func copiedFrom(info *types.Info, c inspector.Cursor) (*ast.CallExpr, bool) {
	c = match.Unparen(c)
	if c.ParentEdgeKind() != edge.CallExpr_Args {
		return nil, false
	}
	call := c.Parent().Node().(*ast.CallExpr)
	ok := match.IsCallTo(info, call, "io", "Copy", "CopyBuffer") && len(call.Args) >= 2 && ast.Unparen(call.Args[1]) == c.Node()
	return call, ok
}

// writesNeverFail reports whether no Write to w returns an error, so that
// io.Copy(w, body) stops only at the end of the body or at a failed read:
// io.Discard; a *bytes.Buffer or *strings.Builder, whose Write always
// returns a nil error; a hash.Hash, documented never to return one; or a
// base64, base32 or hex encoder over such a writer, also through a local
// variable assigned only where it is declared (enc :=
// base64.NewEncoder(base64.StdEncoding, &buf)). Any other writer (a file,
// a network connection, a client that went away) may fail halfway and
// leave the rest of the body unread.
func writesNeverFail(info *types.Info, idx *index.Index, w ast.Expr, depth int) bool {
	w = ast.Unparen(w)
	if depth > 3 {
		return false
	}
	if isDiscard(info, w) {
		return true
	}
	t := info.TypeOf(w)
	if match.IsPointerTo(t, "bytes", "Buffer") || match.IsPointerTo(t, "strings", "Builder") ||
		match.IsNamed(t, "hash", "Hash", "Hash32", "Hash64") {
		return true
	}
	if call, ok := w.(*ast.CallExpr); ok {
		callee := match.Callee(info, call)
		switch {
		case match.IsFunc(callee, "encoding/base64", "NewEncoder") || match.IsFunc(callee, "encoding/base32", "NewEncoder"):
			return len(call.Args) == 2 && writesNeverFail(info, idx, call.Args[1], depth+1)
		case match.IsFunc(callee, "encoding/hex", "NewEncoder"):
			return len(call.Args) == 1 && writesNeverFail(info, idx, call.Args[0], depth+1)
		}
		return false
	}
	if value, _, multi, ok := idx.LocalValue(localVar(info, w)); ok && !multi {
		return writesNeverFail(info, idx, value, depth+1)
	}
	return false
}

// limitedReaderCap returns the constant limit N of the io.LimitedReader
// literal at lit (with or without its &), or false when it is not a
// constant.
func limitedReaderCap(info *types.Info, lit inspector.Cursor) (int64, bool) {
	e := ast.Unparen(lit.Node().(ast.Expr))
	if u, ok := e.(*ast.UnaryExpr); ok {
		e = ast.Unparen(u.X)
	}
	cl, ok := e.(*ast.CompositeLit)
	if !ok {
		return 0, false
	}
	for i, elt := range cl.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "N" {
				return match.ConstInt(info, kv.Value)
			}
		} else if i == 1 {
			return match.ConstInt(info, elt)
		}
	}
	return 0, false
}

// generousLimit is the smallest constant io.LimitReader cap under which a
// body read whole counts as read to EOF (64 KiB): far above the replies
// of the APIs such reads are written for, so a body that outgrows it is the
// exception rather than every call.
const generousLimit = 64 << 10
