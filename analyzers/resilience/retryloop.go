package resilience

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// retryLoop is a loop that calls the network and, when the call fails,
// comes back to make the same call again.
type retryLoop struct {
	loop inspector.Cursor // *ast.ForStmt or *ast.RangeStmt
	flow *flow
	api  string           // the network API retried, as a reader knows it
	call inspector.Cursor // the network call retried
	// untilSuccess is set when the loop ends once the call succeeds: a
	// retry-until-success loop rather than a poller meant to run forever.
	untilSuccess bool
	// self is set for a retry by recursion: loop is then the function
	// declaration and self its call of itself.
	self *ast.CallExpr
}

// notRetry is a loop whose network call fails and comes back, found to be
// no retry while the retry loops are collected: form is the quiet form of
// retry-no-backoff that says why, for the rule to name (rule.Decided).
type notRetry struct {
	loop inspector.Cursor
	form string
}

// findRetryLoops returns the package's retry loops, one per loop, in
// source order, and the loops that would have been ones but for a quiet
// form decided here, one per loop that is no retry loop.
func findRetryLoops(info *types.Info, pkg *types.Package, pf *packageFacts) ([]retryLoop, []notRetry) {
	seen := map[ast.Node]bool{}
	var out []retryLoop
	var not []notRetry
	for _, c := range pf.calls {
		api := retriedOp(info, c, pf)
		if api == "" {
			continue
		}
		loop := innermostLoop(c)
		if !loop.Valid() || seen[loop.Node()] {
			continue
		}
		f := newFlow(info, loop)
		// A result test that continues (resp.StatusCode == 429) is a
		// retry only on a call known to reach the network: on an
		// iterator's Next it skips an element.
		traced := pf.io.Traced(match.Callee(info, c.Node().(*ast.CallExpr)))
		retries, untilSuccess := f.retriesOnError(c, traced)
		if !retries {
			continue
		}
		if form := f.iterates(c.Node().(*ast.CallExpr)); form != "" {
			not = append(not, notRetry{loop, form}) // a loop over items that skips a failed one is not a retry
			continue
		}
		if !traced && !untilSuccess {
			// an iterator's Next or a stream's Recv whose success also comes back: a consumer
			not = append(not, notRetry{loop, "loop-over-items"})
			continue
		}
		seen[loop.Node()] = true
		out = append(out, retryLoop{loop: loop, flow: f, api: api, call: c, untilSuccess: untilSuccess})
	}
	// A loop another of its calls retries is a candidate, and one form
	// names a loop once.
	kept := not[:0]
	for _, n := range not {
		if !seen[n.loop.Node()] {
			seen[n.loop.Node()] = true
			kept = append(kept, n)
		}
	}
	return out, kept
}

// retriedOp names the operation the call at c makes, as a reader knows
// it, when a failure of it is worth retrying with care: a call the I/O
// summary says may reach the network or a database (directly, through
// functions of this or another package, an interface method that takes a
// context or can fail, or a client call of a dependency), or a call of a
// function-typed parameter or field that can fail (the operation a
// generic retry(fn) helper is given). Otherwise it returns "".
func retriedOp(info *types.Info, c inspector.Cursor, pf *packageFacts) string {
	call := c.Node().(*ast.CallExpr)
	if fn := match.Callee(info, call); fn != nil {
		return pf.io.Via(fn)
	}
	return funcValueOp(info, c)
}

// funcValueOp names a call of a function-typed parameter or struct field
// whose last result is an error, or returns "".
func funcValueOp(info *types.Info, c inspector.Cursor) string {
	call := c.Node().(*ast.CallExpr)
	t := info.TypeOf(call.Fun)
	if t == nil {
		return "" // a cgo call C.f has no type
	}
	sig, ok := t.Underlying().(*types.Signature)
	if !ok || !match.ReturnsError(sig) {
		return ""
	}
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		v, ok := info.Uses[fun].(*types.Var)
		if !ok || !isParamOf(info, c, v) {
			return ""
		}
		return fun.Name + " (a function-typed parameter)"
	case *ast.SelectorExpr:
		if f := match.FieldSelection(info, fun); f != nil {
			return types.ExprString(fun) + " (a function-typed field)"
		}
	}
	return ""
}

// isParamOf reports whether v is a parameter of the function declared or
// written around c.
func isParamOf(info *types.Info, c inspector.Cursor, v *types.Var) bool {
	_, _, sig := match.EnclosingFunc(info, c)
	return sig != nil && match.IsParam(sig, v)
}

// retriesOnError reports whether the loop makes the network call at c
// again after it fails: the error path reaches a continue of this loop or
// falls through to the end of the body, or the loop runs while err != nil.
// A status check that continues (resp.StatusCode == 429) retries too.
// untilSuccess reports whether the success path leaves the loop.
func (f *flow) retriesOnError(c inspector.Cursor, resultTests bool) (retries, untilSuccess bool) {
	stmt := listStmt(c)
	assign := callAssignment(stmt.Node())
	if assign == nil {
		return false, false // result discarded: nothing retries on its error
	}
	if len(assign.Rhs) != 1 || ast.Unparen(assign.Rhs[0]) != c.Node() {
		return false, false // the error is another call's: f(g()) retries f, not g
	}
	results := assignedVars(f.info, assign)
	errVar := lastErrorVar(f.info, assign)
	if errVar == nil {
		return false, false
	}
	if !resultTests {
		results = []*types.Var{errVar} // a test of the error that continues still retries
	}
	if f.runsWhileErr(errVar) {
		return true, true
	}
	checked := false
	for s := stmt; ; {
		if ifs, ok := s.Node().(*ast.IfStmt); ok && !checked && match.Refers(f.info, ifs.Cond, errVar) {
			checked = true
			retries, untilSuccess = f.errBranchRetries(s, errVar)
			f.selective = nilCheck(f.info, ifs.Cond, errVar) == token.ILLEGAL || f.nestedSelective(s, errVar)
		} else if sw, ok := s.Node().(*ast.SwitchStmt); ok && !checked && f.switchesOnErr(sw, errVar) {
			checked = true
			retries, untilSuccess = f.errSwitchRetries(s, errVar)
			f.selective = true
		} else if f.continuesOnResult(s.Node(), results) {
			retries, f.selective = true, true // if resp.StatusCode == 429 { continue }
		}
		next, ok := s.NextSibling()
		if !ok || retries && checked || assignsAny(f.info, next.Node(), errVar) {
			break // tests after err is reassigned are about another call
		}
		s = next
	}
	return retries, untilSuccess
}

// errBranchRetries classifies the if statement at c that tests errVar.
func (f *flow) errBranchRetries(c inspector.Cursor, errVar *types.Var) (retries, untilSuccess bool) {
	ifs := c.Node().(*ast.IfStmt)
	switch errCheck(f.info, ifs.Cond, errVar) {
	case token.NEQ: // if err != nil { ... }
		// The else branch is the success path: a continue there moves on
		// to the next item (a consumer), it does not retry the call.
		retries = f.continues(ifs.Body) || !f.listExits(ifs.Body.List, false) && !f.restExits(c)
		untilSuccess = f.restExits(c) || ifs.Else != nil && f.exits(ifs.Else, false)
	case token.EQL: // if err == nil { return resp, nil }
		untilSuccess = f.listExits(ifs.Body.List, false)
		if ifs.Else != nil {
			retries = f.continues(ifs.Else) || !f.exits(ifs.Else, false) && !f.restExits(c)
		} else {
			retries = !f.restExits(c)
		}
	default: // if errors.Is(err, errBusy) { continue }
		retries = f.continues(ifs.Body)
		untilSuccess = f.restExits(c)
		if retries || !f.listExits(ifs.Body.List, false) {
			break
		}
		// if errors.Is(err, context.Canceled) { break } else if err != nil { continue }:
		// the first test leaves on one error, the else-if decides the others.
		if elif, ok := ifs.Else.(*ast.IfStmt); ok && match.Refers(f.info, elif.Cond, errVar) {
			if ec, ok := c.FindNode(elif); ok {
				var elseUntil bool
				retries, elseUntil = f.errBranchRetries(ec, errVar)
				untilSuccess = untilSuccess || elseUntil
			}
		}
	}
	return retries, untilSuccess
}

// switchesOnErr reports whether sw switches on the error (switch
// status.Code(err), switch { case err == nil: ... }).
func (f *flow) switchesOnErr(sw *ast.SwitchStmt, errVar *types.Var) bool {
	if sw.Tag != nil {
		return match.Refers(f.info, sw.Tag, errVar)
	}
	for _, cc := range sw.Body.List {
		for _, e := range cc.(*ast.CaseClause).List {
			if match.Refers(f.info, e, errVar) {
				return true
			}
		}
	}
	return false
}

// errSwitchRetries classifies a switch on the call's error (a gRPC status
// code, errors.Is cases): it retries when a case continues, or ends its
// case without leaving and the rest of the body comes back; it leaves on
// some answer when a case returns or breaks out of the loop.
func (f *flow) errSwitchRetries(c inspector.Cursor, errVar *types.Var) (retries, untilSuccess bool) {
	sw := c.Node().(*ast.SwitchStmt)
	rest := f.restExits(c)
	untilSuccess = rest
	for _, cc := range sw.Body.List {
		body := cc.(*ast.CaseClause).Body
		if sw.Tag == nil && isSuccessCase(f.info, cc.(*ast.CaseClause), errVar) {
			if f.listExits(body, true) || f.returns(cc) {
				untilSuccess = true
			}
			continue // case err == nil: going on is not a retry
		}
		switch {
		case f.continues(cc):
			retries = true
		case !f.listExits(body, true) && !rest:
			retries = true // the case ends and the loop comes back
		}
		if f.listExits(body, true) || f.returns(cc) {
			untilSuccess = true
		}
	}
	return retries, untilSuccess
}

// returns reports whether n holds a return of the function (not of a
// function literal).
func (f *flow) returns(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.ReturnStmt:
			found = true
		case *ast.FuncLit:
			return false
		}
		return !found
	})
	return found
}

// continuesOnResult reports whether s is an if or switch on the call's
// results (in its condition or its init: if s, ok := status.FromError(err);
// ok && s.Code() == codes.Unavailable) that starts the next iteration.
func (f *flow) continuesOnResult(s ast.Node, results []*types.Var) bool {
	var cond ast.Node
	switch s := s.(type) {
	case *ast.IfStmt:
		cond = s.Cond
		if s.Init != nil {
			cond = &ast.BlockStmt{List: []ast.Stmt{s.Init, &ast.ExprStmt{X: s.Cond}}}
		}
	case *ast.SwitchStmt:
		cond = s.Tag
	}
	if cond == nil {
		return false
	}
	for _, v := range results {
		if match.Refers(f.info, cond, v) {
			return f.continues(s)
		}
	}
	return false
}

// runsWhileErr reports whether the loop condition is err != nil (possibly
// within a conjunction): for err != nil { resp, err = c.Do(req) }.
func (f *flow) runsWhileErr(errVar *types.Var) bool {
	loop, ok := f.loop.Node().(*ast.ForStmt)
	if !ok || loop.Cond == nil {
		return false
	}
	for _, e := range conjuncts(loop.Cond) {
		if nilCheck(f.info, e, errVar) == token.NEQ {
			return true
		}
	}
	return false
}

// errCheck returns the nil test of v that decides a condition, also
// within a compound: err == nil && ok and err == nil || !retryable(err)
// hold on success (token.EQL), err != nil && retryable(err) only on
// failure (token.NEQ). It returns token.ILLEGAL when no operand is a nil
// test of v.
func errCheck(info *types.Info, e ast.Expr, v *types.Var) token.Token {
	if b, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && (b.Op == token.LAND || b.Op == token.LOR) {
		if t := errCheck(info, b.X, v); t != token.ILLEGAL {
			return t
		}
		return errCheck(info, b.Y, v)
	}
	return nilCheck(info, e, v)
}

func conjuncts(e ast.Expr) []ast.Expr {
	if b, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && b.Op == token.LAND {
		return append(conjuncts(b.X), conjuncts(b.Y)...)
	}
	return []ast.Expr{ast.Unparen(e)}
}

// nilCheck returns token.NEQ for v != nil, token.EQL for v == nil, and
// token.ILLEGAL for any other expression.
func nilCheck(info *types.Info, e ast.Expr, v *types.Var) token.Token {
	b, ok := ast.Unparen(e).(*ast.BinaryExpr)
	if !ok || b.Op != token.NEQ && b.Op != token.EQL {
		return token.ILLEGAL
	}
	x, y := match.Var(info, b.X), b.Y
	if x != v {
		x, y = match.Var(info, b.Y), b.X
	}
	if x != v || !info.Types[y].IsNil() {
		return token.ILLEGAL
	}
	return b.Op
}

// listStmt returns the statement of a block or case list that holds c.
func listStmt(c inspector.Cursor) inspector.Cursor {
	for ; c.Valid() && c.Node() != nil; c = c.Parent() {
		if _, ok := c.Node().(ast.Stmt); !ok {
			continue
		}
		switch c.Parent().Node().(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			return c
		}
	}
	return c
}

// callAssignment returns the assignment that receives the call's results:
// the statement itself, or the init of an if statement.
func callAssignment(s ast.Node) *ast.AssignStmt {
	switch s := s.(type) {
	case *ast.AssignStmt:
		return s
	case *ast.IfStmt:
		a, _ := s.Init.(*ast.AssignStmt)
		return a
	}
	return nil
}

func assignedVars(info *types.Info, a *ast.AssignStmt) []*types.Var {
	var vars []*types.Var
	for _, lhs := range a.Lhs {
		if v := match.Var(info, lhs); v != nil {
			vars = append(vars, v)
		}
	}
	return vars
}

// lastErrorVar returns the variable the assignment's last error result
// goes to, or nil when it is discarded.
func lastErrorVar(info *types.Info, a *ast.AssignStmt) *types.Var {
	v := match.Var(info, a.Lhs[len(a.Lhs)-1])
	if v == nil || !types.Identical(v.Type(), types.Universe.Lookup("error").Type()) {
		return nil
	}
	return v
}

// isSuccessCase reports whether a case of a tagless switch holds when
// the error is nil (case err == nil).
func isSuccessCase(info *types.Info, cc *ast.CaseClause, errVar *types.Var) bool {
	for _, e := range cc.List {
		if errCheck(info, e, errVar) == token.EQL {
			return true
		}
	}
	return false
}

// assignsAny reports whether the statement s assigns v (itself, or in the
// init of an if or switch).
func assignsAny(info *types.Info, s ast.Node, v *types.Var) bool {
	var as *ast.AssignStmt
	switch s := s.(type) {
	case *ast.AssignStmt:
		as = s
	case *ast.IfStmt:
		as, _ = s.Init.(*ast.AssignStmt)
	case *ast.SwitchStmt:
		as, _ = s.Init.(*ast.AssignStmt)
	}
	if as == nil {
		return false
	}
	for _, l := range as.Lhs {
		if match.Var(info, l) == v {
			return true
		}
	}
	return false
}

// nestedSelective reports whether the if err != nil at c comes back only
// from a nested test of the error (if isLocked(err) { continue }) and
// otherwise leaves: the loop retries some errors, not all.
func (f *flow) nestedSelective(c inspector.Cursor, errVar *types.Var) bool {
	ifs := c.Node().(*ast.IfStmt)
	if nilCheck(f.info, ifs.Cond, errVar) != token.NEQ || len(ifs.Body.List) == 0 ||
		!f.exits(ifs.Body.List[len(ifs.Body.List)-1], false) {
		return false
	}
	body, ok := c.FindNode(ifs.Body)
	if !ok {
		return false
	}
	n := 0
	for bc := range body.Preorder((*ast.BranchStmt)(nil)) {
		br := bc.Node().(*ast.BranchStmt)
		if br.Tok != token.CONTINUE || br.Label == nil && innermostLoop(bc) != f.loop {
			continue
		}
		n++
		inner, ok := bc.Parent().Parent().Node().(*ast.IfStmt)
		if !ok || inner == ifs || !match.Refers(f.info, inner.Cond, errVar) {
			return false
		}
	}
	return n > 0
}
