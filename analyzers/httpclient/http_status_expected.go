package httpclient

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// comparedWithExpected reports whether the bytes read returns are used
// only to be compared with an expected value: assigned to a variable b
// (or copied into a bytes.Buffer buf, seen as buf.String() or
// buf.Bytes()), perhaps turned into a string and trimmed
// (s := strings.TrimSpace(string(b))), and every use of those variables is
// an operand of a != (or !bytes.Equal) whose branch returns a non-nil
// error (in a function without results: hands one to a call and returns),
// or a part of that error. An error page cannot equal a value the code
// expects, so it ends in the error.
func comparedWithExpected(info *types.Info, fn inspector.Cursor, read *ast.CallExpr, decoded bool) bool {
	if decoded || !fn.Valid() {
		return false
	}
	// The variables holding the bytes read or a view of them. A buffer the
	// body is copied into (buf.ReadFrom(resp.Body), io.Copy(&buf,
	// resp.Body)) holds them; the results of such a read are counts.
	held := map[*types.Var]bool{}
	buf := bufferFilled(info, read)
	if buf != nil {
		held[buf] = true
	}
	defs := map[*ast.Ident]bool{}
	for c := range fn.Preorder((*ast.AssignStmt)(nil)) {
		n := c.Node().(*ast.AssignStmt)
		if len(n.Rhs) != 1 || len(n.Lhs) == 0 || n.End() < read.Pos() {
			continue
		}
		first, ok := n.Lhs[0].(*ast.Ident)
		if !ok {
			continue
		}
		rhs := ast.Unparen(n.Rhs[0])
		if rhs == read && buf == nil && len(n.Lhs) <= 2 || len(n.Lhs) == 1 && viewOfHeld(info, rhs, held) {
			if v := match.Var(info, first); v != nil {
				held[v] = true
				defs[first] = true
			}
		}
	}
	if len(held) == 0 {
		return false
	}
	compared := false
	for c := range fn.Preorder((*ast.Ident)(nil)) {
		id := c.Node().(*ast.Ident)
		v, _ := info.Uses[id].(*types.Var)
		if v == nil || !held[v] || defs[id] || read.Pos() <= id.Pos() && id.End() <= read.End() {
			continue
		}
		switch heldUse(info, c, held) {
		case useCompared:
			compared = true
		case useOther:
			return false
		}
	}
	return compared
}

type heldUseKind int

const (
	useOther    heldUseKind = iota // anything else: the bytes may be used as data
	useView                        // in the right-hand side of a view assigned to a held variable
	useCompared                    // an operand of a mismatch test whose branch returns an error
	useInError                     // inside the error return of such a branch
)

// heldUse classifies the use of a held variable at c.
func heldUse(info *types.Info, c inspector.Cursor, held map[*types.Var]bool) heldUseKind {
	// Climb through the views of the bytes (string(b), strings.TrimSpace(s)).
	e := c
	for {
		p := e.Parent()
		if call, ok := p.Node().(*ast.CallExpr); ok && e.ParentEdgeKind() == edge.CallExpr_Args && isView(info, call) {
			e = p
			continue
		}
		if _, ok := p.Node().(*ast.ParenExpr); ok {
			e = p
			continue
		}
		if e.ParentEdgeKind() == edge.SelectorExpr_X && p.ParentEdgeKind() == edge.CallExpr_Fun && isBufferView(info, p.Parent().Node().(*ast.CallExpr)) {
			e = p.Parent() // buf.String(), buf.Bytes()
			continue
		}
		break
	}
	p := e.Parent()
	switch n := p.Node().(type) {
	case *ast.AssignStmt:
		if len(n.Lhs) == 1 && len(n.Rhs) == 1 {
			if v := match.Var(info, n.Lhs[0]); v != nil && held[v] {
				return useView
			}
		}
	case *ast.BinaryExpr:
		if n.Op == token.NEQ && mismatchReturnsError(info, p) && !isEmptyConst(info, otherOperand(n, e.Node())) {
			return useCompared
		}
	case *ast.CallExpr:
		if match.IsFunc(match.Callee(info, n), "bytes", "Equal") && p.Parent().Node() != nil {
			if u, ok := p.Parent().Node().(*ast.UnaryExpr); ok && u.Op == token.NOT && mismatchReturnsError(info, p.Parent()) {
				return useCompared
			}
		}
	}
	// A part of an error returned by the branch of a mismatch test.
	for a := c.Parent(); a.Valid(); a = a.Parent() {
		switch a.Node().(type) {
		case *ast.ReturnStmt:
			if a.Parent().ParentEdgeKind() == edge.IfStmt_Body {
				ifs := a.Parent().Parent().Node().(*ast.IfStmt)
				if isMismatchCond(info, ifs.Cond) && returnsError(info, ifs.Body) {
					return useInError
				}
			}
			return useOther
		case ast.Stmt, *ast.FuncLit:
			return useOther
		}
	}
	return useOther
}

// mismatchReturnsError reports whether the test at c is the condition of
// an if statement whose body returns a non-nil error, or, in a function
// without results, hands a non-nil error to a call and ends in a return
// (it reports the failure the only way such a function can, and stops).
func mismatchReturnsError(info *types.Info, c inspector.Cursor) bool {
	if c.ParentEdgeKind() != edge.IfStmt_Cond {
		return false
	}
	body := c.Parent().Node().(*ast.IfStmt).Body
	return returnsError(info, body) || withoutResults(info, c) && reportsErrorAndReturns(info, body)
}

// withoutResults reports whether the function (declared or literal)
// enclosing c has no results.
func withoutResults(info *types.Info, c inspector.Cursor) bool {
	for f := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		var ft *ast.FuncType
		switch n := f.Node().(type) {
		case *ast.FuncDecl:
			ft = n.Type
		case *ast.FuncLit:
			ft = n.Type
		}
		return ft.Results == nil || len(ft.Results.List) == 0
	}
	return false
}

// reportsErrorAndReturns reports whether body ends in a bare return and
// passes a non-nil value of type error to a call before it.
func reportsErrorAndReturns(info *types.Info, body *ast.BlockStmt) bool {
	if len(body.List) == 0 {
		return false
	}
	if ret, ok := body.List[len(body.List)-1].(*ast.ReturnStmt); !ok || len(ret.Results) != 0 {
		return false
	}
	errIface := types.Universe.Lookup("error").Type().Underlying().(*types.Interface)
	found := false
	for _, st := range body.List {
		ast.Inspect(st, func(n ast.Node) bool {
			if _, ok := n.(*ast.FuncLit); ok || found {
				return false
			}
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			for _, a := range call.Args {
				if t := match.TypeOf(info, a); t != nil && !match.IsNil(info, a) && types.IsInterface(t) && types.Implements(t, errIface) {
					found = true
				}
			}
			return !found
		})
	}
	return found
}

// bufferFilled returns the bytes.Buffer variable the read copies the body
// into: buf.ReadFrom(body), or io.Copy(&buf, body) and io.Copy(buf, body).
func bufferFilled(info *types.Info, read *ast.CallExpr) *types.Var {
	fn := match.Callee(info, read)
	var dst ast.Expr
	switch {
	case match.IsMethod(fn, "bytes", "Buffer", "ReadFrom"):
		if sel, ok := ast.Unparen(read.Fun).(*ast.SelectorExpr); ok {
			dst = sel.X
		}
	case match.IsFunc(fn, "io", "Copy") && len(read.Args) == 2:
		dst = read.Args[0]
	}
	if dst == nil {
		return nil
	}
	v := match.Var(info, match.Pointee(dst))
	if v == nil || !match.IsNamedOrPointer(v.Type(), "bytes", "Buffer") {
		return nil
	}
	return v
}

// isBufferView reports whether call is buf.String() or buf.Bytes() of a
// bytes.Buffer: the content copied in, not a use of it.
func isBufferView(info *types.Info, call *ast.CallExpr) bool {
	fn := match.Callee(info, call)
	return len(call.Args) == 0 && match.IsMethod(fn, "bytes", "Buffer", "String", "Bytes")
}

// isMismatchCond reports whether cond is a != test or a negated
// bytes.Equal.
func isMismatchCond(info *types.Info, cond ast.Expr) bool {
	switch n := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		return n.Op == token.NEQ
	case *ast.UnaryExpr:
		call, ok := ast.Unparen(n.X).(*ast.CallExpr)
		return n.Op == token.NOT && ok && match.IsFunc(match.Callee(info, call), "bytes", "Equal")
	}
	return false
}

// otherOperand returns the operand of b that is not e.
func otherOperand(b *ast.BinaryExpr, e ast.Node) ast.Expr {
	if b.X == e {
		return b.Y
	}
	return b.X
}

// isEmptyConst reports whether e is the constant "" (a test that any
// non-empty error page passes).
func isEmptyConst(info *types.Info, e ast.Expr) bool {
	s, ok := match.ConstString(info, e)
	return ok && s == ""
}

// viewOfHeld reports whether e is a held variable or a view of one.
func viewOfHeld(info *types.Info, e ast.Expr, held map[*types.Var]bool) bool {
	e = ast.Unparen(e)
	if v := match.Var(info, e); v != nil {
		return held[v]
	}
	call, ok := e.(*ast.CallExpr)
	if ok && isBufferView(info, call) {
		sel, _ := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		return sel != nil && viewOfHeld(info, sel.X, held)
	}
	return ok && isView(info, call) && len(call.Args) > 0 && viewOfHeld(info, call.Args[0], held)
}

// isView reports whether call converts bytes to a string or back, or
// trims or folds the case of a string or bytes (strings.TrimSpace,
// bytes.TrimRight, strings.ToLower): the same content, not a use of it.
func isView(info *types.Info, call *ast.CallExpr) bool {
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		return len(call.Args) == 1
	}
	fn := match.Callee(info, call)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() {
	case "strings", "bytes":
		switch fn.Name() {
		case "TrimSpace", "Trim", "TrimRight", "TrimLeft", "TrimSuffix", "TrimPrefix", "ToLower", "ToUpper":
			return true
		}
	}
	return false
}
