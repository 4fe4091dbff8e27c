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
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// Error returns the http-error rule.
func Error() *rule.Rule {
	return &rule.Rule{
		ID:       "http-error",
		Severity: config.SeverityError,
		Enabled:  true,
		Imports:  []string{"net/http"},
		Requires: helperRequires,
		Doc: rule.Doc{
			Title: "report HTTP request errors that are discarded or checked too late",
			Why: "When Do, Get, Post, Head or PostForm fail (a refused connection, a timeout, a TLS error, a redirect " +
				"loop) they return a nil *http.Response. Code that drops the error either dereferences that nil " +
				"response and crashes, or carries on with nothing and leaves no trace of why: the service crashes on " +
				"the first failed call, which under load or during an upstream outage is every call.",
			Bad: "resp, _ := http.Get(url)\n" +
				"defer resp.Body.Close()",
			Good: "resp, err := client.Get(url)\n" +
				"if err != nil {\n\treturn fmt.Errorf(\"fetch %s: %w\", url, err)\n}\n" +
				"defer resp.Body.Close()",
			Scope: "Reported: `resp, _ :=`, a send called as a statement, and a response used (resp.Body, resp.StatusCode, " +
				"defer resp.Body.Close()) in a statement that runs before any statement reads err; assigning err " +
				"again (`body, err := io.ReadAll(resp.Body)`) is not a check. " +
				"Reported also: an error assigned to a variable that no path reads before it is assigned again or the " +
				"function returns, such as a reused err (`resp, err = c.Do(req)` after err served an earlier call); " +
				"a `resp != nil` test is not an error check. " +
				"Followed into helpers: a function of the program, in the package or imported, whose results are " +
				"(*http.Response, error) and that returns the response of a request it sends with the body open on " +
				"success is judged like a send, since on a failed request it returns the nil response with the error; " +
				"the message names the helper. A helper that closes or reads the body itself is not followed, nor is " +
				"a caller in a package that does not import net/http.",
		},
		Quiet: rule.Declare(rule.Forms(errorQuiet), rule.Forms(errorReadQuiet)),
		Run:   runError,
	}
}

func runError(p *rule.Pass) error {
	for _, sa := range sendsAndHelpers(p) {
		c, s := sa.cursor, sa.send
		p.At(c.Node())
		r, ok := resultsOf(p.TypesInfo, c)
		if rule.Quiet(p, s.call, errorQuiet, sendResults{p, sa, r, ok}) {
			continue
		}
		api := s.api(p.TypesInfo)
		switch {
		case r.discarded:
			p.Reportf(s.call, "the error of %s is discarded with the response: a failed request goes unnoticed and "+
				"nobody closes the body; check err and use the response only when it is nil", api)
		case match.IsBlank(r.err):
			p.Reportf(r.err, "the error of %s is discarded: when the request fails the response is nil, so using it "+
				"panics and the failure leaves no trace; check err before using the response", api)
		case r.respVar != nil && r.errVar != nil:
			if use, ok := usedBeforeCheck(p, r.stmt, r.respVar, r.errVar); ok {
				p.Reportf(use.Node(), "%s is used before the error of %s is checked: when the request fails %s is nil "+
					"and this panics; check err first", r.respVar.Name(), api, r.respVar.Name())
				continue
			}
			fallthrough
		case r.errVar != nil:
			overwrite, unread := unreadError(p, c, r)
			if rule.Quiet(p, s.call, errorReadQuiet, !unread) {
				continue
			}
			name := r.errVar.Name()
			what := "is never read"
			if overwrite != nil && overwrite != r.node {
				what = fmt.Sprintf("is overwritten at line %d before anything reads it", p.Fset.Position(overwrite.Pos()).Line)
			}
			effect := "a failed request goes unnoticed and leaves no trace"
			if r.respVar != nil {
				effect = "a failed request goes unnoticed and its nil response panics where it is used"
			}
			p.Reportf(r.err, "the error of %s is assigned to %s, which %s: %s; check %s right after the call",
				api, name, what, effect, name)
		}
	}
	return nil
}

// usedBeforeCheck returns the first use of resp, in the statements that
// follow stmt in its block, that runs before any statement reads err and
// is not guarded by a nil check of resp.
func usedBeforeCheck(p *rule.Pass, stmt inspector.Cursor, resp, err *types.Var) (inspector.Cursor, bool) {
	info := p.TypesInfo
	switch stmt.ParentEdgeKind() {
	case edge.IfStmt_Init, edge.SwitchStmt_Init:
		// The condition or tag runs next; the bodies are guarded by it.
		var next inspector.Cursor
		if stmt.ParentEdgeKind() == edge.IfStmt_Init {
			next = stmt.Parent().ChildAt(edge.IfStmt_Cond, -1)
		} else if tag := stmt.Parent().Node().(*ast.SwitchStmt).Tag; tag != nil {
			next = stmt.Parent().ChildAt(edge.SwitchStmt_Tag, -1)
		}
		if !next.Valid() || reads(info, next, err) {
			return inspector.Cursor{}, false
		}
		return unguardedUse(p, next, resp)
	case edge.BlockStmt_List, edge.CaseClause_Body, edge.CommClause_Body:
		for next, ok := stmt.NextSibling(); ok; next, ok = next.NextSibling() {
			if reads(info, next, err) || isNakedReturn(next) {
				return inspector.Cursor{}, false
			}
			if use, ok := unguardedUse(p, next, resp); ok {
				return use, true
			}
		}
	}
	return inspector.Cursor{}, false
}

// reads reports whether the sub-tree at c reads v (a use that is not the
// left-hand side of an assignment).
func reads(info *types.Info, c inspector.Cursor, v *types.Var) bool {
	for id := range c.Preorder((*ast.Ident)(nil)) {
		if info.Uses[id.Node().(*ast.Ident)] == v && id.ParentEdgeKind() != edge.AssignStmt_Lhs {
			return true
		}
	}
	return false
}

// unguardedUse returns the first identifier in the sub-tree at root that
// uses v outside the body of an if statement (inside root) whose condition
// compares v with nil: `if resp != nil { defer resp.Body.Close() }` is safe
// whatever err says, and so is the right operand of a condition whose left
// operand tested v (`resp != nil && resp.Body != nil`). A store of v into a
// struct field whose readers in the type's methods nil-check it first
// (`&Response{Raw: resp}` with `if r.Raw == nil { return "" }` in each
// accessor) moves the pointer without dereferencing it.
func unguardedUse(p *rule.Pass, root inspector.Cursor, v *types.Var) (inspector.Cursor, bool) {
	return unguardedUseIn(p, root, v, true)
}

// unguardedUseIn is unguardedUse; follow says whether an argument of a
// call of a function declared in the package counts as guarded when the
// callee nil-checks that parameter before each use of it (followed one
// call deep).
func unguardedUseIn(p *rule.Pass, root inspector.Cursor, v *types.Var, follow bool) (inspector.Cursor, bool) {
	info := p.TypesInfo
	for id := range root.Preorder((*ast.Ident)(nil)) {
		if info.Uses[id.Node().(*ast.Ident)] == v && !isNilComparison(info, id) && !nilGuarded(info, id, root, v) &&
			!shortCircuitGuarded(info, id, root, v) && !storedInCheckedField(p, id) &&
			!(follow && passedToNilCheckingParam(p, id)) {
			return id, true
		}
	}
	return inspector.Cursor{}, false
}

// passedToNilCheckingParam reports whether the use at c is an argument of
// a call of a function declared in this package whose parameter, in its
// body, is compared with nil and used only under that comparison
// (`func export(resp *http.Response) { if resp != nil { code = resp.StatusCode } }`):
// the callee handles the nil response of a failed request.
func passedToNilCheckingParam(p *rule.Pass, c inspector.Cursor) bool {
	c = match.Unparen(c)
	if c.ParentEdgeKind() != edge.CallExpr_Args {
		return false
	}
	call := c.Parent().Node().(*ast.CallExpr)
	fn := match.Callee(p.TypesInfo, call)
	if fn == nil || fn.Pkg() != p.Pkg || call.Ellipsis.IsValid() {
		return false
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s, ok := p.TypesInfo.Selections[sel]; ok && s.Kind() == types.MethodExpr {
			return false // T.m(recv, args...): the arguments are shifted by the receiver
		}
	}
	sig := fn.Signature()
	i := slices.Index(call.Args, c.Node().(ast.Expr))
	if i < 0 || i >= sig.Params().Len() || sig.Variadic() && i >= sig.Params().Len()-1 {
		return false
	}
	param := sig.Params().At(i)
	decl, ok := p.Index.FuncDecl(fn)
	if !ok || decl.Node().(*ast.FuncDecl).Body == nil || len(p.Index.Assignments(param)) > 0 {
		return false
	}
	body := decl.ChildAt(edge.FuncDecl_Body, -1)
	checked := false
	for _, use := range p.Index.UsesIn(body, param) {
		if isNilComparison(p.TypesInfo, use) {
			checked = true
		}
	}
	if !checked {
		return false
	}
	_, unguarded := unguardedUseIn(p, body, param, false)
	return !unguarded
}

// shortCircuitGuarded reports whether use lies in the right operand of a
// && whose left operand tests v != nil, or of a || whose left operand
// tests v == nil, between use and root: the right side runs only when v
// is not nil.
func shortCircuitGuarded(info *types.Info, use, root inspector.Cursor, v *types.Var) bool {
	for c := use; c != root && c.Valid(); c = c.Parent() {
		if c.ParentEdgeKind() != edge.BinaryExpr_Y {
			continue
		}
		bin := c.Parent().Node().(*ast.BinaryExpr)
		want := token.NEQ
		switch bin.Op {
		case token.LAND:
		case token.LOR:
			want = token.EQL
		default:
			continue
		}
		if testsNil(info, bin.X, v, bin.Op, want) {
			return true
		}
	}
	return false
}

// testsNil reports whether the condition e, joined by op, holds a
// comparison of v with nil by the operator want: `v != nil` in
// `v != nil && ...` (or `a && v != nil && ...`).
func testsNil(info *types.Info, e ast.Expr, v *types.Var, op, want token.Token) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		if e.Op == op {
			return testsNil(info, e.X, v, op, want) || testsNil(info, e.Y, v, op, want)
		}
		if e.Op == want {
			return isVar(info, e.X, v) && match.IsNil(info, e.Y) || isVar(info, e.Y, v) && match.IsNil(info, e.X)
		}
	}
	return false
}

// storedInCheckedField reports whether the use at c stores the variable
// as the value of a struct field (a keyed composite literal element, or
// the right side of an assignment to a field) whose every dereference in
// the methods of its struct type, declared in this package, comes after a
// nil comparison of the field in the same method.
func storedInCheckedField(p *rule.Pass, c inspector.Cursor) bool {
	c = match.Unparen(c)
	var field *types.Var
	switch c.ParentEdgeKind() {
	case edge.KeyValueExpr_Value:
		kv := c.Parent().Node().(*ast.KeyValueExpr)
		if c.Parent().ParentEdgeKind() != edge.CompositeLit_Elts {
			return false
		}
		if key, ok := kv.Key.(*ast.Ident); ok {
			field, _ = p.TypesInfo.Uses[key].(*types.Var)
		}
	case edge.AssignStmt_Rhs:
		as := c.Parent().Node().(*ast.AssignStmt)
		if len(as.Lhs) != len(as.Rhs) {
			return false
		}
		for i, r := range as.Rhs {
			if r == c.Node() {
				if sel, ok := ast.Unparen(as.Lhs[i]).(*ast.SelectorExpr); ok {
					field, _ = p.TypesInfo.Uses[sel.Sel].(*types.Var)
				}
			}
		}
	}
	if field == nil || !field.IsField() || field.Pkg() != p.Pkg {
		return false
	}
	checked, derefs := false, 0
	for _, use := range p.Index.Uses(field) {
		fc := match.EnclosingFuncDecl(use)
		if !fc.Valid() {
			continue
		}
		fn := fc.Node().(*ast.FuncDecl)
		if fn.Recv == nil || !isMethodOfFieldOwner(p.TypesInfo, fn, field) {
			continue
		}
		sel := use.Parent()
		if use.ParentEdgeKind() != edge.SelectorExpr_Sel {
			continue
		}
		switch {
		case isNilComparison(p.TypesInfo, sel):
			checked = true
		case sel.ParentEdgeKind() == edge.SelectorExpr_X || sel.ParentEdgeKind() == edge.StarExpr_X:
			derefs++
			if !comparedWithNilBefore(p.TypesInfo, fn, field, use.Node().Pos()) {
				return false
			}
		}
	}
	return checked && derefs > 0
}

// isMethodOfFieldOwner reports whether fn is a method of the named struct
// type that declares field.
func isMethodOfFieldOwner(info *types.Info, fn *ast.FuncDecl, field *types.Var) bool {
	obj, ok := info.Defs[fn.Name].(*types.Func)
	if !ok {
		return false
	}
	recv := obj.Type().(*types.Signature).Recv()
	if recv == nil {
		return false
	}
	t := recv.Type()
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for f := range st.Fields() {
		if f == field {
			return true
		}
	}
	return false
}

// comparedWithNilBefore reports whether fn compares field with nil before
// pos.
func comparedWithNilBefore(info *types.Info, fn *ast.FuncDecl, field *types.Var, pos token.Pos) bool {
	found := false
	ast.Inspect(fn.Body, func(n ast.Node) bool {
		if found || n == nil || n.Pos() >= pos {
			return false
		}
		bin, ok := n.(*ast.BinaryExpr)
		if !ok || bin.Op != token.EQL && bin.Op != token.NEQ {
			return true
		}
		for _, pair := range [][2]ast.Expr{{bin.X, bin.Y}, {bin.Y, bin.X}} {
			if sel, ok := ast.Unparen(pair[0]).(*ast.SelectorExpr); ok && info.Uses[sel.Sel] == field && match.IsNil(info, pair[1]) {
				found = true
			}
		}
		return true
	})
	return found
}

// isNilComparison reports whether the use of a variable at c is an operand
// of a comparison with nil.
func isNilComparison(info *types.Info, c inspector.Cursor) bool {
	c = match.Unparen(c)
	k := c.ParentEdgeKind()
	if k != edge.BinaryExpr_X && k != edge.BinaryExpr_Y {
		return false
	}
	bin := c.Parent().Node().(*ast.BinaryExpr)
	return (bin.Op == token.EQL || bin.Op == token.NEQ) && (match.IsNil(info, bin.X) || match.IsNil(info, bin.Y))
}

// nilGuarded reports whether use lies in the body of an if statement,
// between use and root, whose condition compares v with nil.
func nilGuarded(info *types.Info, use, root inspector.Cursor, v *types.Var) bool {
	for c := use; c != root; c = c.Parent() {
		if c.ParentEdgeKind() != edge.IfStmt_Body {
			continue
		}
		cond := c.Parent().ChildAt(edge.IfStmt_Cond, -1)
		for b := range cond.Preorder((*ast.BinaryExpr)(nil)) {
			bin := b.Node().(*ast.BinaryExpr)
			if bin.Op != token.EQL && bin.Op != token.NEQ {
				continue
			}
			if isVar(info, bin.X, v) && match.IsNil(info, bin.Y) || isVar(info, bin.Y, v) && match.IsNil(info, bin.X) {
				return true
			}
		}
	}
	return false
}

func isVar(info *types.Info, e ast.Expr, v *types.Var) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && info.Uses[id] == v
}

// isNakedReturn reports whether c is a return statement without results:
// it returns named results, err among them, to the caller.
func isNakedReturn(c inspector.Cursor) bool {
	ret, ok := c.Node().(*ast.ReturnStmt)
	return ok && len(ret.Results) == 0
}

// unreadError reports whether no path after the send at c reads the
// error it assigned to a variable before the variable gets another value
// or the function returns. overwrite is the first assignment that
// replaces the error unread (nil when the paths end at a return).
func unreadError(p *rule.Pass, c inspector.Cursor, r results) (overwrite ast.Node, unread bool) {
	info := p.TypesInfo
	scan := p.ResultOf[sendsAnalyzer].(*sendScan)
	f, ok := scan.flowOf(c)
	if !ok || r.node == nil || !declaredIn(r.errVar, f.fn) || isResult(info, c, r.errVar) {
		return nil, false // a variable of an enclosing function, or a named result a deferred call may read
	}
	var readAt, setAt positions
	for _, use := range scan.uses(f, r.errVar) {
		switch {
		case match.InFuncLitUnder(use, f.fn):
			return nil, false // a closure may read it at any time
		case isAssigned(use):
			setAt = append(setAt, use.Node().Pos())
		default:
			readAt = append(readAt, use.Node().Pos())
		}
	}
	start, i, ok := f.at(r.node)
	if !ok {
		return nil, false
	}
	seen := map[*cfg.Block]bool{}
	type state struct {
		b    *cfg.Block
		from int
	}
	stack := []state{{start, i + 1}}
path:
	for len(stack) > 0 {
		s := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, n := range s.b.Nodes[s.from:] {
			switch {
			case readAt.within(n):
				return nil, false // read on this path
			case n == r.node || setAt.within(n):
				if overwrite == nil || n.Pos() < overwrite.Pos() {
					overwrite = n
				}
				continue path
			}
		}
		for _, next := range s.b.Succs {
			if !seen[next] {
				seen[next] = true
				stack = append(stack, state{next, 0})
			}
		}
	}
	return overwrite, true
}
