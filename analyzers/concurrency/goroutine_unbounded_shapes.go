package concurrency

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// http3Path is quic-go's HTTP/3 server, whose Serve and Shutdown are
// server lifecycle calls like net/http's.
const http3Path = "github.com/quic-go/quic-go/http3"

// spawnedCode is the code a goroutine runs, as far as the package shows it:
// the body of a function literal, of a local variable bound once to a
// function literal, or of a function or method of the package; the
// statically called function when it is one; and, for a named function,
// its parameters in the order the go statement passes the arguments.
type spawnedCode struct {
	callee *types.Func
	body   *ast.BlockStmt
	params []*types.Var // nil for a function literal that captures instead
}

// spawned resolves the code the spawn s runs.
func spawned(p *rule.Pass, s spawn) spawnedCode {
	info := p.TypesInfo
	if lit, ok := ast.Unparen(s.fn).(*ast.FuncLit); ok {
		return spawnedCode{body: lit.Body, params: litParams(info, lit)}
	}
	var code spawnedCode
	if gs, ok := s.cur.Node().(*ast.GoStmt); ok {
		code.callee = match.Callee(info, gs.Call)
	}
	if code.callee != nil {
		if fd := p.FuncDecl(code.callee); fd != nil {
			code.body = fd.Body
			code.params = sigParams(code.callee.Origin().Signature())
		}
		return code
	}
	if lit := boundLiteral(p, s.cur, s.fn); lit != nil {
		code.body, code.params = lit.Body, litParams(info, lit)
	}
	return code
}

// litParams returns the parameters of a function literal.
func litParams(info *types.Info, lit *ast.FuncLit) []*types.Var {
	sig, _ := info.TypeOf(lit).(*types.Signature)
	if sig == nil {
		return nil
	}
	return sigParams(sig)
}

func sigParams(sig *types.Signature) []*types.Var {
	var ps []*types.Var
	for i := 0; i < sig.Params().Len(); i++ {
		ps = append(ps, sig.Params().At(i))
	}
	return ps
}

// boundLiteral returns the function literal a local variable e is declared
// with (stop := func(...) {...}), when it is never assigned again.
func boundLiteral(p *rule.Pass, at inspector.Cursor, e ast.Expr) *ast.FuncLit {
	v := match.Var(p.TypesInfo, e)
	if v == nil {
		return nil
	}
	lit, _ := singleAssignedValue(p, at, v).(*ast.FuncLit)
	return lit
}

// boundedShape reports the shapes of a goroutine start in a loop whose
// number of goroutines is set by the program rather than by its input.
// open are the loops that do not bound the spawn, innermost first; outer
// is the outermost of them.
func boundedShape(p *rule.Pass, s spawn, open []inspector.Cursor) bool {
	info := p.TypesInfo
	outer := open[len(open)-1]
	code := spawned(p, s)
	if leavesLoop(info, s, outer) || runsServer(info, code) || periodicDaemon(info, code) ||
		calleeGated(info, s, code) {
		return true
	}
	for _, l := range open {
		if runsCallbacks(info, s, l) || runsComposite(info, l) || runsComponent(info, s, l) || overConfigured(info, l) || registersWorker(info, s, l) || overOwnStateJoined(info, l) ||
			drainsEach(info, s, code, l) {
			return true
		}
	}
	return len(open) == 1 && perChunk(p, s, code, outer)
}

// leavesLoop reports whether the statements after the spawn leave the
// loop unconditionally (go unregister(); break loop): the loop starts at
// most one goroutine. From gitea routers/web/events/events.go.
func leavesLoop(info *types.Info, s spawn, outer inspector.Cursor) bool {
	stmt := s.cur
	if _, ok := stmt.Node().(*ast.GoStmt); !ok {
		if stmt.ParentEdgeKind() != edge.ExprStmt_X {
			return false
		}
		stmt = stmt.Parent()
	}
	switch stmt.ParentEdgeKind() {
	case edge.BlockStmt_List, edge.CaseClause_Body, edge.CommClause_Body:
	default:
		return false
	}
	for next, ok := stmt.NextSibling(); ok; next, ok = next.NextSibling() {
		switch n := next.Node().(type) {
		case *ast.ReturnStmt:
			return true
		case *ast.BranchStmt:
			return n.Tok == token.BREAK && breaksOut(info, next, n, outer)
		}
		if jumps(next.Node()) {
			return false
		}
	}
	return false
}

// breaksOut reports whether the break statement br at c leaves outer: its
// label names outer or a loop around it, or, unlabeled, outer is the
// innermost for, range, switch or select around it.
func breaksOut(info *types.Info, c inspector.Cursor, br *ast.BranchStmt, outer inspector.Cursor) bool {
	if br.Label != nil {
		label := info.Uses[br.Label]
		for ls := range c.Enclosing((*ast.LabeledStmt)(nil)) {
			if n := ls.Node().(*ast.LabeledStmt); info.Defs[n.Label] == label {
				return n.Stmt.Pos() <= outer.Node().Pos()
			}
		}
		return false
	}
	for b := range c.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.SwitchStmt)(nil),
		(*ast.TypeSwitchStmt)(nil), (*ast.SelectStmt)(nil)) {
		return b == outer
	}
	return false
}

// jumps reports whether n holds a continue or goto outside function
// literals: it may skip the statement that leaves the loop.
func jumps(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BranchStmt:
			found = found || n.Tok == token.CONTINUE || n.Tok == token.GOTO
		}
		return !found
	})
	return found
}

// isServerLifecycle reports whether fn serves or shuts down a server: one
// goroutine per listener or per configured server, not per item.
func isServerLifecycle(fn *types.Func) bool {
	return match.IsFunc(fn, httpPath, "Serve", "ServeTLS", "ListenAndServe", "ListenAndServeTLS") ||
		methodIs(fn, httpPath, "Server", "Serve", "ServeTLS", "ListenAndServe", "ListenAndServeTLS", "Shutdown", "Close") ||
		methodIs(fn, grpcPath, "Server", "Serve", "GracefulStop", "Stop") ||
		methodIs(fn, http3Path, "Server", "Serve", "ServeListener", "ServeQUICConn", "ListenAndServe",
			"ListenAndServeTLS", "Shutdown", "Close")
}

// runsServer reports whether the goroutine serves or shuts down a server:
// go srv.Serve(ln) per listener (caddy modules/caddyhttp/app.go), or a
// function that calls Shutdown per server.
func runsServer(info *types.Info, code spawnedCode) bool {
	if isServerLifecycle(code.callee) {
		return true
	}
	return code.body != nil && containsCall(code.body, func(call *ast.CallExpr) bool {
		return isServerLifecycle(match.Callee(info, call))
	})
}

// containsCall reports whether a call in n satisfies pred.
func containsCall(n ast.Node, pred func(*ast.CallExpr) bool) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && pred(call) {
			found = true
		}
		return !found
	})
	return found
}

// periodicDaemon reports whether the goroutine lives in a loop that waits
// for a ticker or timer each round (for { select { case <-t.C: ... } }),
// or in an endless loop that sleeps each round (for { time.Sleep(d); ... }
// with no way out): a background loop per configured component,
// rate-bounded by its period (alertmanager inhibit cache.run, caddy PKI
// maintenanceForCA, trillian docs/storage/commit_log signers).
func periodicDaemon(info *types.Info, code spawnedCode) bool {
	if code.body == nil {
		return false
	}
	for _, st := range code.body.List {
		switch loop := st.(type) {
		case *ast.RangeStmt:
			if isTickChan(info, loop.X) {
				return true
			}
		case *ast.ForStmt:
			if loop.Cond == nil && loop.Init == nil && loop.Post == nil &&
				(waitsForTick(info, loop.Body) || sleepsEachRound(info, loop.Body) && !exits(loop.Body, false)) {
				return true
			}
		}
	}
	return false
}

// waitsForTick reports whether a loop body's top-level select has a case
// that receives from a ticker or timer.
func waitsForTick(info *types.Info, body *ast.BlockStmt) bool {
	for _, st := range body.List {
		sel, ok := st.(*ast.SelectStmt)
		if !ok {
			continue
		}
		for _, cc := range sel.Body.List {
			var recv ast.Expr
			switch comm := cc.(*ast.CommClause).Comm.(type) {
			case *ast.ExprStmt:
				recv = comm.X
			case *ast.AssignStmt:
				if len(comm.Rhs) == 1 {
					recv = comm.Rhs[0]
				}
			}
			if u, ok := ast.Unparen(recv).(*ast.UnaryExpr); ok && u.Op == token.ARROW && isTickChan(info, u.X) {
				return true
			}
		}
	}
	return false
}

// sleepsEachRound reports whether a loop body calls time.Sleep at its top
// level, on every round.
func sleepsEachRound(info *types.Info, body *ast.BlockStmt) bool {
	for _, st := range body.List {
		if es, ok := st.(*ast.ExprStmt); ok {
			if call, ok := ast.Unparen(es.X).(*ast.CallExpr); ok && calleeIs(info, call, "time", "Sleep") {
				return true
			}
		}
	}
	return false
}

// exits reports whether n, a loop body or a statement nested in one, may
// leave the loop: a return, a goto, a labeled break, or an unlabeled break
// outside a nested for, range, switch or select (nested says n is one).
// Function literals are not looked into.
func exits(n ast.Node, nested bool) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if found {
			return false
		}
		switch m := m.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			found = true
		case *ast.BranchStmt:
			found = m.Tok == token.GOTO || m.Tok == token.BREAK && (m.Label != nil || !nested)
		case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			if m != n {
				found = exits(m, true)
				return false
			}
		}
		return true
	})
	return found
}

// isTickChan reports whether e is a channel of time.Time: a ticker's or
// timer's C, time.After, time.Tick.
func isTickChan(info *types.Info, e ast.Expr) bool {
	t := info.TypeOf(e)
	if t == nil {
		return false
	}
	ch, ok := t.Underlying().(*types.Chan)
	return ok && match.IsNamed(ch.Elem(), "time", "Time")
}

// calleeGated reports whether the function of the package the goroutine
// runs takes a semaphore it is passed (go run(x, sem) where run sends to
// and receives from sem, or acquires it) before working.
func calleeGated(info *types.Info, s spawn, code spawnedCode) bool {
	if code.callee == nil || code.body == nil {
		return false
	}
	gates := map[types.Object]bool{}
	for i, a := range s.args {
		if i >= len(code.params) {
			break
		}
		t := info.TypeOf(a)
		if _, isChan := types.Unalias(t).Underlying().(*types.Chan); isChan || match.IsPointerTo(t, semaphorePath, "Weighted") {
			gates[code.params[i]] = true
		}
	}
	return len(gates) > 0 && takesSlot(info, code.body, gates)
}

// takesSlot reports whether body sends to and receives from one of the
// channels in vars, or acquires one of the semaphores in vars.
func takesSlot(info *types.Info, body *ast.BlockStmt, vars map[types.Object]bool) bool {
	sends, recvs := map[types.Object]bool{}, map[types.Object]bool{}
	acquires := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SendStmt:
			if obj := match.ObjectOf(info, n.Chan); vars[obj] {
				sends[obj] = true
			}
		case *ast.UnaryExpr:
			if obj := match.ObjectOf(info, n.X); n.Op == token.ARROW && vars[obj] {
				recvs[obj] = true
			}
		case *ast.CallExpr:
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && vars[match.ObjectOf(info, sel.X)] &&
				callsMethod(info, n, semaphorePath, "Weighted", "Acquire") {
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

// rangeValue returns the variable a range loop binds each element to: the
// value of a slice, array or map, the only variable of a channel or of an
// iterator yielding one value (slices.Chunk), or nil.
func rangeValue(info *types.Info, l inspector.Cursor) *types.Var {
	r, ok := l.Node().(*ast.RangeStmt)
	if !ok {
		return nil
	}
	elem := r.Value
	if t := info.TypeOf(r.X); t != nil {
		switch u := t.Underlying().(type) {
		case *types.Chan:
			elem = r.Key
		case *types.Signature:
			if u.Params().Len() == 1 {
				if yield, ok := u.Params().At(0).Type().Underlying().(*types.Signature); ok && yield.Params().Len() == 1 {
					elem = r.Key
				}
			}
		}
	}
	if elem == nil {
		return nil
	}
	v, _ := match.ObjectOf(info, elem).(*types.Var)
	return v
}

// usesVar reports whether the spawn mentions v: in the function it runs,
// its arguments or its body.
func usesVar(info *types.Info, s spawn, v *types.Var) bool {
	found := false
	visit := func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == v {
			found = true
		}
		return !found
	}
	ast.Inspect(s.fn, visit)
	for _, a := range s.args {
		ast.Inspect(a, visit)
	}
	return found
}

// runsCallbacks reports whether the loop ranges over functions and the
// goroutine runs one of them (for _, fn := range hooks { go fn() }): the
// collection is code registered by the program, not input. From gitea
// modules/graceful/manager.go and alertmanager test/testutils.
func runsCallbacks(info *types.Info, s spawn, l inspector.Cursor) bool {
	v := rangeValue(info, l)
	if v == nil {
		return false
	}
	if _, isFunc := v.Type().Underlying().(*types.Signature); !isFunc {
		return false
	}
	return usesVar(info, s, v)
}

// runsComposite reports whether the loop ranges over the receiver of the
// method it is in, a named collection of interface or function values
// (type FanoutStage []Stage): a composite that fans a call out to the parts
// it was built from. From alertmanager notify/notify.go.
func runsComposite(info *types.Info, l inspector.Cursor) bool {
	r, ok := l.Node().(*ast.RangeStmt)
	if !ok {
		return false
	}
	decl := match.EnclosingFuncDecl(l)
	if !decl.Valid() {
		return false
	}
	fd := decl.Node().(*ast.FuncDecl)
	if fd.Recv == nil || len(fd.Recv.List) != 1 || len(fd.Recv.List[0].Names) != 1 {
		return false
	}
	recv := info.Defs[fd.Recv.List[0].Names[0]]
	if recv == nil || match.ObjectOf(info, r.X) != recv {
		return false
	}
	var elem types.Type
	switch u := recv.Type().Underlying().(type) {
	case *types.Slice:
		elem = u.Elem()
	case *types.Array:
		elem = u.Elem()
	case *types.Map:
		elem = u.Elem()
	default:
		return false
	}
	switch elem.Underlying().(type) {
	case *types.Interface, *types.Signature:
		return true
	}
	return false
}

// runsComponent reports whether the loop ranges over state of the program
// (a field reached from the method's receiver, or a package-level
// variable) and the go statement runs a method of the element itself
// (for _, j := range c.jobs { go j.Run() }): registered jobs, rules or
// servers running themselves. From gitea services/cron, pocketbase
// tools/cron and alertmanager inhibit.
func runsComponent(info *types.Info, s spawn, l inspector.Cursor) bool {
	v := rangeValue(info, l)
	gs, isGo := s.cur.Node().(*ast.GoStmt)
	if v == nil || !isGo || !isProgramState(info, l, l.Node().(*ast.RangeStmt).X) {
		return false
	}
	sel, ok := ast.Unparen(gs.Call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	if m := info.Selections[sel]; m == nil || m.Kind() != types.MethodVal {
		return false
	}
	return rootVar(info, sel.X) == v
}

// isProgramState reports whether e is a package-level variable, or a field
// path rooted at the receiver of the method around l or at a package-level
// variable.
func isProgramState(info *types.Info, l inspector.Cursor, e ast.Expr) bool {
	root := rootVar(info, e)
	if root == nil {
		return false
	}
	if root.Parent() == root.Pkg().Scope() {
		return true
	}
	if _, isSel := ast.Unparen(e).(*ast.SelectorExpr); !isSel {
		return false // the receiver itself: see runsComposite
	}
	decl := match.EnclosingFuncDecl(l)
	if !decl.Valid() {
		return false
	}
	fd := decl.Node().(*ast.FuncDecl)
	return fd.Recv != nil && len(fd.Recv.List) == 1 && len(fd.Recv.List[0].Names) == 1 &&
		info.Defs[fd.Recv.List[0].Names[0]] == root
}

// overConfigured reports whether the loop ranges over a field of the
// method's receiver that is decoded from configuration (a json, yaml, toml
// or mapstructure struct tag): configured upstreams, servers or
// certificate authorities, sized by the operator rather than by load. From
// caddy modules/caddyhttp/reverseproxy/healthchecks.go (a health check per
// configured upstream).
func overConfigured(info *types.Info, l inspector.Cursor) bool {
	r, ok := l.Node().(*ast.RangeStmt)
	if !ok {
		return false
	}
	sel, ok := ast.Unparen(r.X).(*ast.SelectorExpr)
	if !ok || !isProgramState(info, l, sel) {
		return false
	}
	root := rootVar(info, sel)
	if root == nil || root.Parent() == root.Pkg().Scope() {
		return false // a package variable: see runsComponent
	}
	m := info.Selections[sel]
	if m == nil || m.Kind() != types.FieldVal {
		return false
	}
	tag, ok := fieldTag(m)
	if !ok {
		return false
	}
	st := reflect.StructTag(tag)
	for _, key := range []string{"json", "yaml", "toml", "mapstructure"} {
		if v, ok := st.Lookup(key); ok && v != "-" {
			return true
		}
	}
	return false
}

// fieldTag returns the struct tag of the field a selection selects.
func fieldTag(m *types.Selection) (string, bool) {
	t := m.Recv()
	idx := m.Index()
	for i, fi := range idx {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok || fi >= st.NumFields() {
			return "", false
		}
		if i == len(idx)-1 {
			return st.Tag(fi), true
		}
		t = st.Field(fi).Type()
	}
	return "", false
}

// rootVar returns the variable a selector path (x.a.b) starts from, or nil
// when it starts from a call, an index or a package name.
func rootVar(info *types.Info, e ast.Expr) *types.Var {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			v, _ := info.Uses[x].(*types.Var)
			return v
		case *ast.SelectorExpr:
			if s := info.Selections[x]; s == nil {
				v, _ := info.Uses[x.Sel].(*types.Var) // a qualified package variable
				return v
			}
			e = x.X
		default:
			return nil
		}
	}
}

// perChunk reports whether the loop ranges over fixed-size chunks of a
// collection (slices.Chunk(xs, 100), or a call given a constant chunk size
// returning [][]T) and the goroutine works through its chunk: deliberate
// partitioning, N/size goroutines. From pocketbase apis/realtime.go.
func perChunk(p *rule.Pass, s spawn, code spawnedCode, l inspector.Cursor) bool {
	info := p.TypesInfo
	r, ok := l.Node().(*ast.RangeStmt)
	v := rangeValue(info, l)
	if !ok || v == nil {
		return false
	}
	if _, isSlice := v.Type().Underlying().(*types.Slice); !isSlice || !chunkedSource(p, l, r.X) {
		return false
	}
	// The goroutine ranges over the chunk, captured or passed as an argument.
	if code.body == nil {
		return false
	}
	chunk := elementVars(info, s, code, v)
	found := false
	ast.Inspect(code.body, func(n ast.Node) bool {
		if rs, ok := n.(*ast.RangeStmt); ok && chunk[match.ObjectOf(info, rs.X)] {
			found = true
		}
		return !found
	})
	return found
}

// chunkedSource reports whether e is slices.Chunk(...), or a call (or a
// local variable declared with one) returning [][]T that is given a
// constant integer argument, the chunk size.
func chunkedSource(p *rule.Pass, l inspector.Cursor, e ast.Expr) bool {
	info := p.TypesInfo
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		if v := match.Var(info, e); v != nil {
			call = definingCall(p, l, v)
		}
	}
	if call == nil {
		return false
	}
	if calleeIs(info, call, "slices", "Chunk") {
		return true
	}
	outer, ok := info.TypeOf(call).Underlying().(*types.Slice)
	if !ok {
		return false
	}
	if _, inner := outer.Elem().Underlying().(*types.Slice); !inner {
		return false
	}
	for _, a := range call.Args {
		if _, isConst := constInt(info, a); isConst {
			return true
		}
	}
	return false
}

// definingCall returns the call a local variable is declared with when it
// is never assigned again, or nil.
func definingCall(p *rule.Pass, l inspector.Cursor, v *types.Var) *ast.CallExpr {
	call, _ := singleAssignedValue(p, l, v).(*ast.CallExpr)
	return call
}

// singleAssignedValue returns the expression a local variable of the
// function around at is declared with (x := e), when it is never assigned
// again nor has its address taken; nil otherwise.
func singleAssignedValue(p *rule.Pass, at inspector.Cursor, v *types.Var) ast.Expr {
	fn := match.EnclosingFuncDecl(at)
	def, ok := p.Index.Def(v)
	if !fn.Valid() || !ok || !fn.Contains(def) || def.ParentEdgeKind() != edge.AssignStmt_Lhs {
		return nil
	}
	value, _, multi, ok := p.Index.LocalValue(v)
	if !ok || multi {
		return nil
	}
	return value
}

// elementVars returns the variables through which the goroutine sees the
// loop's element v: v itself, captured, and the parameters of the code it
// runs that the go statement passes v to.
func elementVars(info *types.Info, s spawn, code spawnedCode, v *types.Var) map[types.Object]bool {
	vars := map[types.Object]bool{v: true}
	for i, a := range s.args {
		if i < len(code.params) && match.ObjectOf(info, a) == v {
			vars[code.params[i]] = true
		}
	}
	return vars
}

// drainsEach reports whether the loop ranges over a collection of channels
// and the goroutine lives to drain its element (for x := range ch at the top
// level of the code it runs): one consumer per channel the program made, a
// fan-in whose consumers must all run at once for the producers to finish
// (bounding them would deadlock). From openfga
// pkg/server/commands/listusers/list_users_rpc.go (expandUnion,
// expandIntersection).
func drainsEach(info *types.Info, s spawn, code spawnedCode, l inspector.Cursor) bool {
	v := rangeValue(info, l)
	if v == nil || !isRecvChan(v.Type()) || code.body == nil {
		return false
	}
	ch := elementVars(info, s, code, v)
	for _, st := range code.body.List {
		if r, ok := st.(*ast.RangeStmt); ok && ch[match.ObjectOf(info, r.X)] {
			return true
		}
	}
	return false
}
