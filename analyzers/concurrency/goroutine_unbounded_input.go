package concurrency

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/apis"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// The input tier of goroutine-unbounded (input-loops): outside
// request-serving code a goroutine per item is reported only when the
// items evidently come from outside the function (a parameter's wire
// field, a decoded or received message, a query result), so that their
// number is set by input, not by the program's structure. By default only
// a field of the request message of a method serving an RPC is taken
// (inputFeed.request); the rest waits for input-loops.

// feedKind says how a loop is fed from outside the function.
type feedKind int

const (
	perElement feedKind = iota // a slice or map from a parameter, a decode, a query
	perMessage                 // a receive in a loop that runs until the stream ends
	perHelper                  // an exported or generic helper running a callback per element
)

// inputFeed describes the input that drives a loop spawn, for the message.
type inputFeed struct {
	kind   feedKind
	what   string     // the collection or the channel, as written
	origin string     // where it comes from: "a parameter", "a query result", ...
	msg    *types.Var // for perMessage: the variable the message is received into
	// request: the items are a field of the request message an RPC
	// method serves (the default tier); the others need input-loops.
	request bool
}

// inputFeedOf returns the input that drives one of the open loops around
// the spawn (innermost first), or false when every loop runs over the
// program's own state.
func inputFeedOf(p *rule.Pass, s spawn, open []inspector.Cursor) (inputFeed, bool) {
	for _, l := range open {
		if f, ok := loopFeed(p, s, l); ok {
			return f, true
		}
	}
	return inputFeed{}, false
}

// loopFeed classifies one loop around the spawn.
func loopFeed(p *rule.Pass, s spawn, l inspector.Cursor) (inputFeed, bool) {
	info := p.TypesInfo
	switch loop := l.Node().(type) {
	case *ast.RangeStmt:
		t := info.TypeOf(loop.X)
		if t == nil {
			return inputFeed{}, false
		}
		switch u := t.Underlying().(type) {
		case *types.Chan:
			v := rangeValue(info, l)
			if v == nil || !isMessage(u.Elem()) || !usesVar(info, s, v) || closedBefore(p, l, loop.X) {
				return inputFeed{}, false
			}
			return inputFeed{kind: perMessage, what: exprText(loop.X), msg: v}, true
		case *types.Slice:
			if !isData(u.Elem()) {
				return inputFeed{}, false
			}
		case *types.Map:
			if !isData(u.Elem()) {
				return inputFeed{}, false
			}
		default:
			return inputFeed{}, false
		}
		fn := enclosingFunc(l)
		if isParallelHelper(p, s, fn, loop.X) {
			return inputFeed{kind: perHelper, what: exprText(loop.X)}, true
		}
		origin, ok := inputOrigin(p, fn, loop.X, 0)
		if !ok {
			return inputFeed{}, false
		}
		request := wireField(info, loop.X) && isParamOf(info, fn, rootVar(info, loop.X)) && servesRPC(info, fn)
		return inputFeed{kind: perElement, what: exprText(loop.X), origin: origin, request: request}, true
	case *ast.ForStmt:
		if loop.Cond != nil || loop.Init != nil || loop.Post != nil {
			return inputFeed{}, false
		}
		if from, v, ok := receivedBySpawn(p, s, l); ok {
			return inputFeed{kind: perMessage, what: from, msg: v}, true
		}
	}
	return inputFeed{}, false
}

// isMessage reports whether a channel's element type carries a message:
// not a signal (struct{}), a tick, a function or another channel.
func isMessage(t types.Type) bool {
	if st, ok := t.Underlying().(*types.Struct); ok && st.NumFields() == 0 {
		return false
	}
	if match.IsNamed(t, "time", "Time") {
		return false
	}
	return isData(t)
}

// isData reports whether elements of type t are data rather than code or
// plumbing: not functions (hooks) nor channels (one consumer per stream).
func isData(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Signature, *types.Chan:
		return false
	}
	return true
}

// enclosingFunc returns the innermost function declaration or literal
// around c.
func enclosingFunc(c inspector.Cursor) inspector.Cursor {
	for fc := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return fc
	}
	return inspector.Cursor{}
}

// inputOrigin says where the collection e comes from when that is outside
// the function fn: a parameter (not the receiver), a field of a wire
// message parameter, a value decoded or received in fn, a query's rows, or
// the result of a call that takes a context and returns the collection and
// an error (a fetch). Locals are followed through their assignments.
func inputOrigin(p *rule.Pass, fn inspector.Cursor, e ast.Expr, depth int) (string, bool) {
	info := p.TypesInfo
	if !fn.Valid() || depth > 3 {
		return "", false
	}
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok {
		if isFetch(info, call) {
			return "the result of " + exprText(call.Fun), true
		}
		return "", false
	}
	root := rootVar(info, e)
	if root == nil || root.Parent() == root.Pkg().Scope() {
		return "", false // a package variable, an index, a call chain: the program's state
	}
	if isParamOf(info, fn, root) {
		// A parameter itself is not taken as input: on real code most
		// are lists the program built (configured domains, a model's
		// operands, registered checks); all-loops reports them.
		if wireField(info, e) {
			return "a field of the message " + root.Name(), true
		}
		return "", false
	}
	if !fn.Contains(defCursor(p, root)) {
		return "", false // captured from an outer function, a receiver
	}
	if origin, ok := filledByInput(p, fn, root); ok {
		return origin, true // the local or a field of it
	}
	if _, isIdent := e.(*ast.Ident); !isIdent && !wireField(info, e) {
		return "", false // a field of a local struct the function built
	}
	for _, a := range p.Index.Assignments(root) {
		if a.Value == nil || !fn.Contains(a.Target) {
			continue
		}
		if a.Multi {
			if call, ok := ast.Unparen(a.Value).(*ast.CallExpr); ok && a.Result == 0 && isFetch(info, call) {
				return "the result of " + exprText(call.Fun), true
			}
			if isReceive(a.Value) {
				return "a received message", true
			}
			continue
		}
		if isReceive(a.Value) {
			return "a received message", true
		}
		if origin, ok := inputOrigin(p, fn, a.Value, depth+1); ok {
			return origin, true
		}
	}
	return "", false
}

// defCursor returns where v is declared, or a zero cursor.
func defCursor(p *rule.Pass, v *types.Var) inspector.Cursor {
	c, _ := p.Index.Def(v)
	return c
}

// isParamOf reports whether v is a parameter (not the receiver) of the
// function fn.
func isParamOf(info *types.Info, fn inspector.Cursor, v *types.Var) bool {
	sig := match.Signature(info, fn.Node())
	return sig != nil && match.IsParam(sig, v)
}

// wireField reports whether the selector path e ends in a field of a
// message decoded from the wire: a field with a protobuf struct tag.
func wireField(info *types.Info, e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	m := info.Selections[sel]
	if m == nil || m.Kind() != types.FieldVal {
		return false
	}
	tag, ok := fieldTag(m)
	if !ok {
		return false
	}
	_, ok = reflect.StructTag(tag).Lookup("protobuf")
	return ok
}

// filledByInput reports whether the local v is filled in fn by a decoder
// (json.Unmarshal(b, &v), dec.Decode(&v)), by a query that scans into it
// (sqlx Select(&v, ...)), or by appending in a loop over a query's rows.
func filledByInput(p *rule.Pass, fn inspector.Cursor, v *types.Var) (string, bool) {
	info := p.TypesInfo
	for _, use := range p.Index.UsesIn(fn, v) {
		switch use.ParentEdgeKind() {
		case edge.UnaryExpr_X:
			u := use.Parent().Node().(*ast.UnaryExpr)
			if u.Op != token.AND || use.Parent().ParentEdgeKind() != edge.CallExpr_Args {
				continue
			}
			call := use.Parent().Parent().Node().(*ast.CallExpr)
			callee := match.Callee(info, call)
			switch {
			case callee == nil:
			case match.IsDecode(callee), isUnmarshal(callee):
				return "decoded input", true
			default:
				if _, _, ok := apis.QueryOf(callee); ok {
					return "a query result", true
				}
			}
		case edge.AssignStmt_Lhs:
			as := use.Parent().Node().(*ast.AssignStmt)
			if len(as.Rhs) == 1 && isAppend(info, as.Rhs[0]) && inRowsLoop(info, use) {
				return "a query result", true
			}
		}
	}
	return "", false
}

// isUnmarshal reports whether fn decodes a byte slice into its last
// argument: encoding/json, encoding/xml, yaml or protobuf Unmarshal.
func isUnmarshal(fn *types.Func) bool {
	return match.IsFunc(fn, "encoding/json", "Unmarshal") || match.IsFunc(fn, "encoding/xml", "Unmarshal") ||
		match.IsFunc(fn, "gopkg.in/yaml.v3", "Unmarshal") || match.IsFunc(fn, "gopkg.in/yaml.v2", "Unmarshal") ||
		match.IsFunc(fn, "google.golang.org/protobuf/proto", "Unmarshal")
}

// isAppend reports whether e is a call of the builtin append.
func isAppend(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	return match.IsBuiltin(info, call.Fun, "append")
}

// inRowsLoop reports whether c lies in a for loop whose condition calls a
// method of a query result (for rows.Next() { ... }).
func inRowsLoop(info *types.Info, c inspector.Cursor) bool {
	for fc := range c.Enclosing((*ast.ForStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		loop, ok := fc.Node().(*ast.ForStmt)
		if !ok {
			return false
		}
		call, ok := ast.Unparen(loop.Cond).(*ast.CallExpr)
		if !ok {
			continue
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && apis.IsRows(info.TypeOf(sel.X)) {
			return true
		}
	}
	return false
}

// isFetch reports whether call fetches a collection from elsewhere: it
// takes a context.Context and returns a slice or map of data and an error
// (store.ListPending(ctx), client.Search(ctx, q)).
func isFetch(info *types.Info, call *ast.CallExpr) bool {
	sig, ok := types.Unalias(info.TypeOf(call.Fun)).(*types.Signature)
	if !ok || sig.Results().Len() != 2 || !isError(sig.Results().At(1).Type()) {
		return false
	}
	switch u := sig.Results().At(0).Type().Underlying().(type) {
	case *types.Slice:
		if !isData(u.Elem()) {
			return false
		}
	case *types.Map:
		if !isData(u.Elem()) {
			return false
		}
	default:
		return false
	}
	for v := range sig.Params().Variables() {
		if match.IsNamed(v.Type(), "context", "Context") {
			return true
		}
	}
	return false
}

// isError reports whether t is the error interface.
func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// isReceive reports whether e receives from a channel (<-ch).
func isReceive(e ast.Expr) bool {
	u, ok := ast.Unparen(e).(*ast.UnaryExpr)
	return ok && u.Op == token.ARROW
}

// receivedBySpawn finds, in an endless loop l, the receive whose value the
// goroutine is started for: a select case or a statement of the loop body
// before the spawn that receives a message from a channel (m := <-ch) or
// from a gRPC stream (m, err := stream.Recv()), the message then used by
// the goroutine. It returns the channel or stream as written, and the
// variable the message is received into.
func receivedBySpawn(p *rule.Pass, s spawn, l inspector.Cursor) (string, *types.Var, bool) {
	info := p.TypesInfo
	body := match.LoopBody(l.Node())
	if body == nil {
		return "", nil, false
	}
	// Every variable assigned by a receive in the loop (not in nested
	// function literals), with the expression received from.
	from := map[*types.Var]string{}
	ast.Inspect(body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if sel, ok := n.(*ast.SelectStmt); ok && hasDefault(sel) {
			return false // a non-blocking receive drains a buffer, it does not wait for a stream
		}
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 || as.Pos() >= s.cur.Node().Pos() {
			return true
		}
		src, ok := receiveSource(info, as.Rhs[0])
		if !ok {
			return true
		}
		if v := match.Var(info, as.Lhs[0]); v != nil && isMessage(v.Type()) {
			from[v] = src
		}
		return true
	})
	for v, src := range from {
		if usesVar(info, s, v) {
			return src, v, true
		}
	}
	return "", nil, false
}

// receiveSource returns the channel or stream e receives a message from.
func receiveSource(info *types.Info, e ast.Expr) (string, bool) {
	switch x := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if x.Op == token.ARROW && !isTickChan(info, x.X) && !isDoneCall(info, x.X) {
			if _, fromCall := ast.Unparen(x.X).(*ast.CallExpr); !fromCall { // time.After, ctx.Done()
				return exprText(x.X), true
			}
		}
	case *ast.CallExpr:
		sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
		if ok && sel.Sel.Name == "Recv" && isGRPCStream(info.TypeOf(sel.X)) {
			return exprText(sel.X), true
		}
	}
	return "", false
}

// isGRPCStream reports whether t is a gRPC stream: its method set has
// grpc's RecvMsg(any) error and Context() context.Context.
func isGRPCStream(t types.Type) bool {
	if t == nil {
		return false
	}
	ms := types.NewMethodSet(t)
	if _, isPtr := t.Underlying().(*types.Pointer); !isPtr && !types.IsInterface(t) {
		ms = types.NewMethodSet(types.NewPointer(t))
	}
	var recvMsg, ctx bool
	for sel := range ms.Methods() {
		sig, _ := sel.Type().(*types.Signature)
		if sig == nil {
			continue
		}
		switch sel.Obj().Name() {
		case "RecvMsg":
			recvMsg = sig.Params().Len() == 1 && sig.Results().Len() == 1 && isError(sig.Results().At(0).Type())
		case "Context":
			ctx = sig.Params().Len() == 0 && sig.Results().Len() == 1 && match.IsNamed(sig.Results().At(0).Type(), "context", "Context")
		}
	}
	return recvMsg && ctx
}

// isParallelHelper reports whether the loop is the body of a "run for each
// item in parallel" helper: an exported or generic function that ranges
// over its parameter and starts a goroutine calling a function-typed
// parameter, and takes no integer that could limit it.
func isParallelHelper(p *rule.Pass, s spawn, fn inspector.Cursor, x ast.Expr) bool {
	info := p.TypesInfo
	fd, ok := fn.Node().(*ast.FuncDecl)
	if !ok {
		return false
	}
	obj, _ := info.Defs[fd.Name].(*types.Func)
	if obj == nil {
		return false
	}
	sig := obj.Signature()
	if !obj.Exported() && sig.TypeParams().Len() == 0 {
		return false
	}
	if v := match.Var(info, x); v == nil || !isParamOf(info, fn, v) {
		return false
	}
	callbacks := map[types.Object]bool{}
	for v := range sig.Params().Variables() {
		switch u := v.Type().Underlying().(type) {
		case *types.Basic:
			if u.Info()&types.IsInteger != 0 {
				return false // a limit, maybe
			}
		case *types.Signature:
			callbacks[v] = true
		}
	}
	if len(callbacks) == 0 {
		return false
	}
	found := false
	check := func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && callbacks[match.ObjectOf(info, call.Fun)] {
			found = true
		}
		return !found
	}
	if gs, ok := s.cur.Node().(*ast.GoStmt); ok {
		ast.Inspect(gs.Call, check)
	} else {
		ast.Inspect(s.fn, check)
	}
	return found
}

// exprText returns e as written, shortened when long.
func exprText(e ast.Expr) string {
	text := types.ExprString(e)
	if len(text) > 40 {
		text = text[:37] + "..."
	}
	return text
}

// hasDefault reports whether a select statement has a default case.
func hasDefault(sel *ast.SelectStmt) bool {
	for _, cc := range sel.Body.List {
		if cc.(*ast.CommClause).Comm == nil {
			return true
		}
	}
	return false
}

// closedBefore reports whether the channel ch, ranged over by loop l, is
// closed by the function before the loop (close(ch); for x := range ch):
// the loop drains what the channel buffers, a count the program set.
func closedBefore(p *rule.Pass, l inspector.Cursor, ch ast.Expr) bool {
	info := p.TypesInfo
	obj := match.ObjectOf(info, ch)
	fn := enclosingFunc(l)
	if obj == nil || !fn.Valid() {
		return false
	}
	for c := range fn.Preorder((*ast.CallExpr)(nil)) {
		call := c.Node().(*ast.CallExpr)
		if call.Pos() >= l.Node().Pos() || len(call.Args) != 1 {
			continue
		}
		if match.IsBuiltin(info, call.Fun, "close") &&
			match.ObjectOf(info, call.Args[0]) == obj && types.ExprString(call.Args[0]) == types.ExprString(ch) {
			return true
		}
	}
	return false
}

// servesRPC reports whether fn has the shape of an RPC method serving a
// request (a gRPC service method): a method whose first parameter is a
// context.Context and whose last result is an error. A goroutine per
// element of a field of its request message is a goroutine per element of
// what each caller sends.
func servesRPC(info *types.Info, fn inspector.Cursor) bool {
	decl, ok := fn.Node().(*ast.FuncDecl)
	if !ok || decl.Recv == nil {
		return false
	}
	sig := match.Signature(info, decl)
	if sig == nil || sig.Params().Len() < 2 || sig.Results().Len() == 0 {
		return false
	}
	return match.IsNamed(sig.Params().At(0).Type(), "context", "Context") &&
		types.Identical(sig.Results().At(sig.Results().Len()-1).Type(), types.Universe.Lookup("error").Type())
}
