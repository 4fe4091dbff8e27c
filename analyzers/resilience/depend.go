package resilience

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// iterates reports whether the network call works on data that changes
// from one iteration to the next (the next URL of a range, the row a
// rows.Next loop scanned, the job received from a channel): then the loop
// moves on to other work after a failure, it does not retry. It returns
// the quiet form of retry-no-backoff that says so: "loop-over-items", or
// "request-per-element" when only a field the body sets from each element
// (req.URL.Path = path) makes the sent value differ, "receiver-per-element"
// when the call is a method on a value whose field the body sets from each
// element (c.name = name; c.check()); "" when the call does not iterate.
//
// Varying are the range key and value, the variables of the loop
// condition and post statement (but not a ctx), and, to a fixed point,
// the variables the body assigns from a varying value, a channel receive
// or a call that may return new data each time. Building the same request
// again (http.NewRequest, context.WithTimeout, fmt.Sprintf...) does not
// make it new work.
func (f *flow) iterates(call *ast.CallExpr) string {
	varying := map[types.Object]bool{}
	addVars := func(n ast.Node) {
		if n == nil {
			return
		}
		ast.Inspect(n, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if v, ok := f.info.ObjectOf(id).(*types.Var); ok && !match.IsNamed(v.Type(), "context", "Context") {
					varying[v] = true
				}
			}
			return true
		})
	}
	switch loop := f.loop.Node().(type) {
	case *ast.RangeStmt:
		addVars(loop.Key)
		addVars(loop.Value)
	case *ast.ForStmt:
		addVars(loop.Cond)
		addVars(loop.Post)
	}
	flows := f.assignments()
	byField := map[types.Object]bool{} // varying only through a field set in the body
	for changed := true; changed; {
		changed = false
		for _, a := range flows {
			if a.viaArg && (a.from == call || !f.usesVaryingBesides(a.from, varying, byField, a.to)) ||
				!a.viaArg && !f.isFresh(a.from, varying) {
				continue
			}
			if !varying[a.to] {
				varying[a.to], changed = true, true
				byField[a.to] = a.field
			} else if !a.field && byField[a.to] {
				byField[a.to], changed = false, true
			}
		}
	}
	if f.underVaryingBranch(call, varying, byField) || f.indexesByCounter(call) {
		return "loop-over-items"
	}
	// The map's order is random: a varying value the call uses itself
	// names the form before one that varies only through a field.
	perElement, perReceiver := false, false
	for obj := range varying {
		if byField[obj] {
			// A value whose field differs per element is a different
			// target only when it is what the call sends (Do(req)), not
			// the receiver whose bookkeeping field the loop updates, and
			// only in a loop over elements: an attempt number written into
			// the request (req.Attempt = i) does not make a new target.
			if f.rangesOverElements() {
				switch {
				case passedDirectly(f.info, call, obj):
					perElement = true
				case f.receiverTakesElement(call, obj):
					perReceiver = true
				}
			}
			continue
		}
		if match.Refers(f.info, call, obj) {
			return "loop-over-items"
		}
	}
	if perElement {
		return "request-per-element"
	}
	if perReceiver {
		return "receiver-per-element"
	}
	return ""
}

// receiverTakesElement reports whether call is a method call on obj and
// the loop body sets a field of obj from the element of the range (c.name
// = name; c.show()): the method works on that element, a different one
// each iteration, as when the element is passed (passedDirectly). An
// element that is a number (an attempt index, a delay of a schedule) is a
// count, not a target, and a field set from anything else (c.attempts++,
// c.lastErr = err) is the receiver's bookkeeping: both stay retries.
func (f *flow) receiverTakesElement(call *ast.CallExpr, obj types.Object) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || match.Var(f.info, sel.X) != obj {
		return false
	}
	if s, ok := f.info.Selections[sel]; !ok || s.Kind() != types.MethodVal {
		return false
	}
	loop := f.loop.Node().(*ast.RangeStmt) // rangesOverElements held
	var elems []types.Object
	if v := match.Var(f.info, loop.Value); v != nil {
		elems = append(elems, v)
	}
	if _, isMap := f.info.TypeOf(loop.X).Underlying().(*types.Map); isMap {
		if k := match.Var(f.info, loop.Key); k != nil {
			elems = append(elems, k)
		}
	}
	isTarget := func(v types.Object) bool {
		b, ok := v.Type().Underlying().(*types.Basic)
		return !ok || b.Info()&types.IsNumeric == 0
	}
	found := false
	ast.Inspect(f.body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || found || len(as.Lhs) != len(as.Rhs) {
			return !found
		}
		for i, lhs := range as.Lhs {
			fieldOf, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
			if !ok || match.Var(f.info, fieldOf.X) != obj {
				continue
			}
			for _, e := range elems {
				if isTarget(e) && match.Refers(f.info, as.Rhs[i], e) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// passedDirectly reports whether obj is itself an argument of call.
func passedDirectly(info *types.Info, call *ast.CallExpr, obj types.Object) bool {
	for _, arg := range call.Args {
		if id, ok := ast.Unparen(arg).(*ast.Ident); ok && info.Uses[id] == obj {
			return true
		}
	}
	return false
}

// dataFlow is one assignment in the loop body: the variable to gets a
// value computed by the expression from.
type dataFlow struct {
	to   types.Object
	from ast.Node
	// field is set when the assignment is to a field of to (req.URL.Path
	// = u.path) rather than to the variable itself.
	field bool
	// viaArg is set when to is a pointer passed to the call from: it
	// changes only when the call also takes a value that varies.
	viaArg bool
}

func isPointer(t types.Type) bool {
	_, ok := t.Underlying().(*types.Pointer)
	return ok
}

// assignments lists the loop body's assignments (to a variable, or to a
// field of one, which counts as changing it), including the variables
// a call fills through a pointer (rows.Scan(&id), dec.Decode(&v)).
func (f *flow) assignments() []dataFlow {
	var out []dataFlow
	add := func(lhs ast.Expr, rhs ast.Node) {
		// req.URL.Path = u.path changes req: a field set from each
		// element makes the value it belongs to differ per iteration.
		field := false
		for {
			switch e := ast.Unparen(lhs).(type) {
			case *ast.SelectorExpr:
				lhs, field = e.X, true
				continue
			case *ast.IndexExpr: // buffer[j] = c changes buffer
				lhs = e.X
				continue
			}
			break
		}
		if v := match.Var(f.info, lhs); v != nil {
			out = append(out, dataFlow{to: v, from: rhs, field: field})
		}
	}
	ast.Inspect(f.body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if len(n.Lhs) == len(n.Rhs) {
					add(lhs, n.Rhs[i])
				} else {
					add(lhs, n.Rhs[0])
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if i < len(n.Values) {
					add(name, n.Values[i])
				} else if len(n.Values) == 1 {
					add(name, n.Values[0])
				}
			}
		case *ast.RangeStmt:
			add(n.Key, n.X)
			add(n.Value, n.X)
		case *ast.CallExpr:
			for _, arg := range n.Args {
				if u, ok := ast.Unparen(arg).(*ast.UnaryExpr); ok && u.Op == token.AND {
					add(u.X, n)
				} else if v := match.Var(f.info, arg); v != nil && isPointer(v.Type()) {
					// configure(next)(client) changes what client points at
					out = append(out, dataFlow{to: v, from: n, viaArg: true})
				}
			}
		}
		return true
	})
	return out
}

// isFresh reports whether the expression can yield new data each time it
// runs: it uses a varying variable, receives from a channel, or calls
// something other than a builder of the same request.
func (f *flow) isFresh(e ast.Node, varying map[types.Object]bool) bool {
	fresh := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			if varying[f.info.Uses[n]] {
				fresh = true
			}
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				fresh = true
			}
		case *ast.CallExpr:
			if !f.isBuilder(n) {
				fresh = true
			}
		}
		return !fresh
	})
	return fresh
}

// builders make the same value again from the same inputs: a request, its
// body, a per-attempt timeout.
var builders = []struct {
	pkg   string
	names []string
}{
	{"net/http", []string{"NewRequest", "NewRequestWithContext"}},
	{"bytes", []string{"NewReader", "NewBuffer", "NewBufferString"}},
	{"strings", []string{"NewReader", "Join"}},
	{"encoding/json", []string{"Marshal"}},
	{"fmt", []string{"Sprintf", "Sprint", "Errorf"}},
	{"context", []string{"WithTimeout", "WithDeadline", "WithCancel", "WithValue"}},
	{"strconv", []string{"Itoa", "FormatInt"}},
	{"time", []string{"Now", "Since"}},
}

func (f *flow) isBuilder(call *ast.CallExpr) bool {
	if tv, ok := f.info.Types[call.Fun]; ok && tv.IsType() {
		return true // conversion
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if _, ok := f.info.Uses[id].(*types.Builtin); ok {
			return true
		}
	}
	fn := callee(f.info, call)
	for _, b := range builders {
		if match.IsFunc(fn, b.pkg, b.names...) {
			return true
		}
	}
	return match.IsMethod(fn, "net/http", "Request", "WithContext", "Clone")
}

// rangesOverElements reports whether the loop ranges over the elements of
// a slice, array, map or string (not over an integer or a channel).
func (f *flow) rangesOverElements() bool {
	loop, ok := f.loop.Node().(*ast.RangeStmt)
	if !ok {
		return false
	}
	switch f.info.TypeOf(loop.X).Underlying().(type) {
	case *types.Slice, *types.Array, *types.Map:
		return true
	case *types.Pointer: // a pointer to an array
		return true
	case *types.Basic:
		return types.Identical(f.info.TypeOf(loop.X).Underlying(), types.Typ[types.String])
	}
	return false
}

// underVaryingBranch reports whether the call runs only in a branch chosen
// by a value that changes each iteration (switch cond { case "branches":
// ... } in a range over conditions): the next iteration takes another
// branch, it does not make the same call again.
func (f *flow) underVaryingBranch(call *ast.CallExpr, varying, byField map[types.Object]bool) bool {
	c, ok := f.loop.FindNode(call)
	if !ok {
		return false
	}
	uses := func(e ast.Node) bool {
		if e == nil {
			return false
		}
		for obj := range varying {
			if !byField[obj] && match.Refers(f.info, e, obj) {
				return true
			}
		}
		return false
	}
	for p := c.Parent(); p.Valid() && p != f.loop; p = p.Parent() {
		switch n := p.Node().(type) {
		case *ast.SwitchStmt:
			if uses(n.Tag) {
				return true
			}
		case *ast.CaseClause:
			for _, e := range n.List {
				if uses(e) {
					return true
				}
			}
		case *ast.IfStmt:
			if uses(n.Cond) && call.Pos() >= n.Body.Pos() {
				return true
			}
		}
	}
	return false
}

// usesVaryingBesides reports whether n mentions a varying variable other
// than except (and not one varying only through a field it had set).
func (f *flow) usesVaryingBesides(n ast.Node, varying, byField map[types.Object]bool, except types.Object) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if obj := f.info.Uses[id]; obj != except && varying[obj] && !byField[obj] {
				found = true
			}
		}
		return !found
	})
	return found
}

// indexesByCounter reports whether the call's target or an argument is an
// element picked by a counter the loop body steps (batches[m.index] with
// m.index++, backends[i] with i += 1): each round calls another element,
// a walk over a list (or a failover across it), not a retry of one call.
func (f *flow) indexesByCounter(call *ast.CallExpr) bool {
	stepped := map[types.Object]bool{}
	ast.Inspect(f.body, func(n ast.Node) bool {
		var target ast.Expr
		switch n := n.(type) {
		case *ast.IncDecStmt:
			target = n.X
		case *ast.AssignStmt:
			if (n.Tok == token.ADD_ASSIGN || n.Tok == token.SUB_ASSIGN) && len(n.Lhs) == 1 {
				target = n.Lhs[0]
			}
		}
		if obj := counterObject(f.info, target); obj != nil {
			stepped[obj] = true
		}
		return true
	})
	if len(stepped) == 0 {
		return false
	}
	found := false
	ast.Inspect(call, func(n ast.Node) bool {
		if ix, ok := n.(*ast.IndexExpr); ok && !found {
			ast.Inspect(ix.Index, func(m ast.Node) bool {
				if e, ok := m.(ast.Expr); ok && stepped[counterObject(f.info, e)] {
					found = true
				}
				return !found
			})
		}
		return !found
	})
	return found
}

// counterObject returns the variable or field e denotes (i, m.index).
func counterObject(info *types.Info, e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v, ok := info.Uses[e].(*types.Var); ok {
			return v
		}
	case *ast.SelectorExpr:
		if v, ok := info.Uses[e.Sel].(*types.Var); ok && v.IsField() {
			return v
		}
	}
	return nil
}
