package httpclient

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// listSearched reports whether the body that read reads is decoded into a
// struct out, the decode's own error returned, in a function whose last
// result is an error, and the answer is only searched: after the decode,
// out appears only in range loops over a list field of it (for _, r :=
// range out.Relays) or in their bodies, and every return that can report
// success (its error not certainly non-nil) sits inside such a loop, or
// inside a loop over a list filled only by one (var addrs []string,
// appended to in the loop). An error page fails the decode; a JSON error
// answer decodes with the list empty, no loop body runs, and the function
// ends in its error: the answer fails closed.
func listSearched(p *rule.Pass, fn inspector.Cursor, read *ast.CallExpr, decoded bool) bool {
	info := p.TypesInfo
	call, out := decodedTarget(info, fn, read, decoded)
	if call == nil || out == nil || !isStruct(out.Type()) || !decodeErrorReturned(info, fn, call) {
		return false
	}
	callCur, ok := fn.FindNode(call)
	if !ok {
		return false
	}
	fc, body, sig := match.EnclosingFunc(info, callCur)
	if !fc.Valid() || body == nil || sig == nil || sig.Results().Len() == 0 ||
		!isErrorType(sig.Results().At(sig.Results().Len()-1).Type()) {
		return false
	}
	loops := searchLoops(p, fc, call.End(), out)
	if len(loops) == 0 {
		return false
	}
	inLoop := func(n ast.Node) bool {
		for _, l := range loops {
			if n.Pos() >= l.Pos() && n.End() <= l.End() {
				return true
			}
		}
		return false
	}
	for _, u := range p.Index.Uses(out) {
		if id := u.Node(); id.Pos() > call.End() && id.Pos() < body.End() && !inLoop(id) {
			return false // out used outside the loops that search it
		}
	}
	repeated := match.InLoop(callCur) // a return written before the decode may run after one
	for c := range fc.Preorder((*ast.ReturnStmt)(nil)) {
		ret := c.Node().(*ast.ReturnStmt)
		if inner, _, _ := match.EnclosingFunc(info, c); inner != fc || inLoop(ret) || ret.Pos() < call.End() && !repeated {
			continue
		}
		if !returnsFailure(p, c, ret) {
			return false // a success reachable with the list empty
		}
	}
	return true
}

// searchLoops returns the range statements of fn after pos that range over
// a list field of out (out.Items, out.Data.Items: a slice or an array) or
// over an expression using a variable filled only inside such loops: one
// declared without a value (var addrs []string) whose every use lies in
// these loops or in the range expression of a loop.
func searchLoops(p *rule.Pass, fn inspector.Cursor, pos token.Pos, out *types.Var) []*ast.RangeStmt {
	info := p.TypesInfo
	var loops []*ast.RangeStmt
	filled := map[*types.Var]bool{}
	seen := map[*ast.RangeStmt]bool{}
	for grew := true; grew; {
		grew = false
		for c := range fn.Preorder((*ast.RangeStmt)(nil)) {
			rs := c.Node().(*ast.RangeStmt)
			if rs.Pos() < pos || seen[rs] || !rangesOverList(info, rs.X, out, filled) {
				continue
			}
			seen[rs] = true
			loops = append(loops, rs)
			grew = true
		}
		for _, l := range loops {
			for v := range assignedIn(info, l.Body) {
				if !filled[v] && declaredEmpty(p, fn, v) && usedOnlyIn(p, fn, pos, v, loops) {
					filled[v] = true
					grew = true
				}
			}
		}
	}
	return loops
}

// rangesOverList reports whether x is a field selector chain rooted at out
// whose type is a slice or an array, or one of the filled variables, or a
// call handed one of them and no other list.
func rangesOverList(info *types.Info, x ast.Expr, out *types.Var, filled map[*types.Var]bool) bool {
	if sel, ok := ast.Unparen(x).(*ast.SelectorExpr); ok && nestedFieldOf(info, sel, out) != nil {
		t := match.TypeOf(info, sel)
		if t == nil {
			return false
		}
		switch t.Underlying().(type) {
		case *types.Slice, *types.Array:
			return true
		}
		return false
	}
	x = ast.Unparen(x)
	if v := match.Var(info, x); v != nil {
		return filled[v]
	}
	call, ok := x.(*ast.CallExpr)
	if !ok {
		return false
	}
	// A call handed the filled list and no other list (order(ctx, addrs)):
	// append(addrs, defaults...) could range over more than the answer.
	found := false
	for _, arg := range call.Args {
		if v := match.Var(info, arg); v != nil && filled[v] {
			found = true
			continue
		}
		t := match.TypeOf(info, arg)
		if t == nil {
			return false
		}
		switch t.Underlying().(type) {
		case *types.Slice, *types.Array, *types.Map, *types.Chan:
			return false
		}
	}
	return found
}

// assignedIn returns the variables assigned (=) in body.
func assignedIn(info *types.Info, body *ast.BlockStmt) map[*types.Var]bool {
	vars := map[*types.Var]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && as.Tok == token.ASSIGN {
			for _, lhs := range as.Lhs {
				if v := match.Var(info, lhs); v != nil {
					vars[v] = true
				}
			}
		}
		return true
	})
	return vars
}

// declaredEmpty reports whether v is declared in fn by var v T, without a
// value, so that it starts empty.
func declaredEmpty(p *rule.Pass, fn inspector.Cursor, v *types.Var) bool {
	def, ok := p.Index.Def(v)
	if !ok || def.ParentEdgeKind() != edge.ValueSpec_Names || !fn.Contains(def) {
		return false
	}
	return len(def.Parent().Node().(*ast.ValueSpec).Values) == 0
}

// usedOnlyIn reports whether every use of v in fn lies inside the body
// of one of loops or inside the range expression of a for statement after
// pos (for _, a := range order(addrs)).
func usedOnlyIn(p *rule.Pass, fn inspector.Cursor, pos token.Pos, v *types.Var, loops []*ast.RangeStmt) bool {
	for _, c := range p.Index.Uses(v) {
		if !fn.Contains(c) {
			continue
		}
		id := c.Node()
		inside := false
		for _, l := range loops {
			if id.Pos() >= l.Body.Pos() && id.End() <= l.Body.End() {
				inside = true
			}
		}
		for rc := range c.Enclosing((*ast.RangeStmt)(nil)) {
			if x := rc.Node().(*ast.RangeStmt).X; rc.Node().Pos() > pos && id.Pos() >= x.Pos() && id.End() <= x.End() {
				inside = true
			}
		}
		if !inside {
			return false
		}
	}
	return true
}

// returnsFailure reports whether the return statement ret, at c, returns
// an error that is certainly not nil as its last result: errors.New or
// fmt.Errorf, a composite literal or its address, a package-level error
// variable (a sentinel such as ErrNotFound), or a variable that an
// enclosing if statement has tested with v != nil.
func returnsFailure(p *rule.Pass, c inspector.Cursor, ret *ast.ReturnStmt) bool {
	info := p.TypesInfo
	if len(ret.Results) == 0 {
		return false
	}
	last := ast.Unparen(ret.Results[len(ret.Results)-1])
	switch e := last.(type) {
	case *ast.CallExpr:
		fn := match.Callee(info, e)
		return match.IsFunc(fn, "errors", "New") || match.IsFunc(fn, "fmt", "Errorf")
	case *ast.CompositeLit:
		return true
	case *ast.UnaryExpr:
		_, lit := ast.Unparen(e.X).(*ast.CompositeLit)
		return e.Op == token.AND && lit
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok || !isErrorType(v.Type()) {
			return false
		}
		if v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
			return sentinel(p, v)
		}
		for ic := range c.Enclosing((*ast.IfStmt)(nil)) {
			ifs := ic.Node().(*ast.IfStmt)
			if ret.Pos() >= ifs.Body.Pos() && ret.End() <= ifs.Body.End() && match.IsNotNilTest(info, ifs.Cond, v) {
				return true
			}
		}
	}
	return false
}

// isStruct reports whether t is a struct type (not a pointer to one: a
// JSON null answer would leave that nil, and the loop over its list would
// panic instead of ending in the error).
func isStruct(t types.Type) bool {
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

// sentinel reports whether the package-level error variable v is given a
// value where it is declared (var ErrNotFound = errors.New(...)), when it
// is declared in the package under analysis; a variable of another package
// is taken to be one of its sentinel errors (io.EOF, fs.ErrNotExist).
func sentinel(p *rule.Pass, v *types.Var) bool {
	if v.Pkg() != p.Pkg {
		return true // declared in another package
	}
	_, spec, _, ok := p.Index.VarSpec(v)
	return ok && len(spec.Values) > 0
}
