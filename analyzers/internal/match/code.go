package match

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"math"
	"slices"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// This file holds the small questions about syntax every family asks, in
// the manner of staticcheck's analysis/code: what a constant is worth,
// whether an expression is nil or blank, what a subtree calls, which loops
// and functions enclose a node, where a selector chain starts.

// IsNil reports whether e (parentheses aside) is the predeclared nil.
func IsNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[ast.Unparen(e)]
	return ok && tv.IsNil()
}

// IsNotNilTest reports whether cond is v != nil (or nil != v): the test
// that guards the branch taken when v, an error or pointer, holds a value.
func IsNotNilTest(info *types.Info, cond ast.Expr, v *types.Var) bool {
	bin, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || v == nil || bin.Op != token.NEQ {
		return false
	}
	return Var(info, bin.X) == v && IsNil(info, bin.Y) || Var(info, bin.Y) == v && IsNil(info, bin.X)
}

// IsBlank reports whether e (parentheses aside) is the blank identifier.
func IsBlank(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && id.Name == "_"
}

// ConstValue returns the constant value of e, or nil when e is not a
// constant expression.
func ConstValue(info *types.Info, e ast.Expr) constant.Value {
	if tv, ok := info.Types[e]; ok {
		return tv.Value
	}
	return nil
}

// ConstString returns the value of e when it is a constant string.
func ConstString(info *types.Info, e ast.Expr) (string, bool) {
	v := ConstValue(info, e)
	if v == nil || v.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(v), true
}

// ConstInt returns the value of e when it is a constant integer; ok is
// false too when the value does not fit in an int64.
func ConstInt(info *types.Info, e ast.Expr) (int64, bool) {
	v := ConstValue(info, e)
	if v == nil || v.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(v)
}

// IsConstTrue reports whether e is a constant expression equal to true.
func IsConstTrue(info *types.Info, e ast.Expr) bool {
	v := ConstValue(info, e)
	return v != nil && v.Kind() == constant.Bool && constant.BoolVal(v)
}

// HasCall reports whether the subtree n contains a call (a conversion
// counts: it is a CallExpr too).
func HasCall(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if _, ok := n.(*ast.CallExpr); ok {
			found = true
		}
		return !found
	})
	return found
}

// Calls reports whether the subtree n contains a call whose callee
// satisfies is.
func Calls(info *types.Info, n ast.Node, is func(*types.Func) bool) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && is(Callee(info, call)) {
			found = true
		}
		return !found
	})
	return found
}

// LoopBody returns the body of a for or range statement, or nil.
func LoopBody(loop ast.Node) *ast.BlockStmt {
	switch n := loop.(type) {
	case *ast.ForStmt:
		return n.Body
	case *ast.RangeStmt:
		return n.Body
	}
	return nil
}

// EnclosingLoops returns the for and range statements whose body holds c,
// innermost first, up to the innermost enclosing function: a function
// literal starts afresh, since its body runs when it is called.
func EnclosingLoops(c inspector.Cursor) []inspector.Cursor {
	var loops []inspector.Cursor
	pos := c.Node().Pos()
	for p := c.Parent(); p.Node() != nil; p = p.Parent() {
		switch n := p.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return loops
		case *ast.ForStmt, *ast.RangeStmt:
			if pos >= LoopBody(n).Pos() {
				loops = append(loops, p)
			}
		}
	}
	return loops
}

// InLoop reports whether c is inside the body of a for or range statement
// of its innermost enclosing function (a function literal starts afresh).
func InLoop(c inspector.Cursor) bool { return len(EnclosingLoops(c)) > 0 }

// OutermostFunc returns the top-level function (declaration or literal)
// around c, or the zero cursor at package level: a local variable may be
// used in closures inside it.
func OutermostFunc(c inspector.Cursor) inspector.Cursor {
	var out inspector.Cursor
	for fc := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		out = fc
	}
	return out
}

// InFuncLitUnder reports whether c lies in a function literal inside the
// function at fn: code that runs when the literal is called, not where it
// is written.
func InFuncLitUnder(c, fn inspector.Cursor) bool {
	for p := c.Parent(); p.Valid() && p != fn; p = p.Parent() {
		if _, ok := p.Node().(*ast.FuncLit); ok {
			return true
		}
	}
	return false
}

// EnclosingFuncDecl returns the package-level function or method
// declaration around c, or the zero cursor (c is in a package-level
// initializer).
func EnclosingFuncDecl(c inspector.Cursor) inspector.Cursor {
	for fc := range c.Enclosing((*ast.FuncDecl)(nil)) {
		return fc
	}
	return inspector.Cursor{}
}

// DeclaredFunc returns the function declared around c (a function literal
// counts as part of the declaration that holds it), or nil.
func DeclaredFunc(info *types.Info, c inspector.Cursor) *types.Func {
	fc := EnclosingFuncDecl(c)
	if !fc.Valid() {
		return nil
	}
	fn, _ := info.Defs[fc.Node().(*ast.FuncDecl).Name].(*types.Func)
	return fn
}

// Pointee returns e without parentheses and one & around it: the value a
// &T{...} literal points to (&http.Transport{...} and http.Transport{...}
// describe the same configuration).
func Pointee(e ast.Expr) ast.Expr {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	return e
}

// IsPackageVar reports whether obj is the package-level variable name of
// the package path, by identity with the object that package declares: a
// local variable, parameter or field of the same name is not it.
func IsPackageVar(obj types.Object, path, name string) bool {
	v, ok := obj.(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == path && v.Pkg().Scope().Lookup(name) == v
}

// Unparen returns the outermost parenthesised expression around c.
func Unparen(c inspector.Cursor) inspector.Cursor {
	for c.ParentEdgeKind() == edge.ParenExpr_X {
		c = c.Parent()
	}
	return c
}

// IsBuiltin reports whether fun denotes the predeclared function name
// (len, make, append), not a declaration that shadows it.
func IsBuiltin(info *types.Info, fun ast.Expr, name string) bool {
	id, ok := ast.Unparen(fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == name
}

// StmtList returns the statements of a block or a case or comm clause,
// the lists a statement can sit in; nil for any other node.
func StmtList(n ast.Node) []ast.Stmt {
	switch n := n.(type) {
	case *ast.BlockStmt:
		return n.List
	case *ast.CaseClause:
		return n.Body
	case *ast.CommClause:
		return n.Body
	}
	return nil
}

// ArgumentOf returns the cursor of the call that takes the expression at
// c as an argument, in parentheses or behind & (f(&x), f((x))), and the
// argument's index; false when the expression is not an argument.
func ArgumentOf(c inspector.Cursor) (inspector.Cursor, int, bool) {
	c = Unparen(c)
	if u, ok := c.Parent().Node().(*ast.UnaryExpr); ok && u.Op == token.AND {
		c = Unparen(c.Parent())
	}
	if c.ParentEdgeKind() != edge.CallExpr_Args {
		return inspector.Cursor{}, 0, false
	}
	return c.Parent(), c.ParentEdgeIndex(), true
}

// IsFieldOf reports whether f is the field, named one of names (any name
// when there are none), of the struct type pkgPath.typeName. Fields are
// identified by their package and by the struct that declares them, never
// by the text of the selector.
func IsFieldOf(f *types.Var, pkgPath, typeName string, names ...string) bool {
	if f == nil || !f.IsField() || f.Pkg() == nil || f.Pkg().Path() != pkgPath {
		return false
	}
	obj := f.Pkg().Scope().Lookup(typeName)
	if obj == nil {
		return false
	}
	st, ok := obj.Type().Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := range st.NumFields() {
		if st.Field(i) == f {
			return oneOf(f.Name(), names)
		}
	}
	return false
}

// APIName names fn as a reader knows it, for messages: http.Client.Do,
// sql.DB.QueryContext, slog.Logger.Info, http.Get, or the bare name of a
// function of the package local (nil: always qualified).
func APIName(fn *types.Func, local *types.Package) string {
	prefix := ""
	if fn.Pkg() != nil && fn.Pkg() != local {
		prefix = fn.Pkg().Name() + "."
	}
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		t := sig.Recv().Type()
		if ptr, ok := t.(*types.Pointer); ok {
			t = ptr.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			return prefix + n.Obj().Name() + "." + fn.Name()
		}
	}
	return prefix + fn.Name()
}

// FieldSelection returns the struct field a selector expression selects
// (directly or through embedding), or nil.
func FieldSelection(info *types.Info, e ast.Expr) *types.Var {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	s, ok := info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return nil
	}
	v, _ := s.Obj().(*types.Var)
	return v
}

// TakesContext reports whether a parameter of sig is a context.Context.
func TakesContext(sig *types.Signature) bool {
	for v := range sig.Params().Variables() {
		if IsNamed(v.Type(), "context", "Context") {
			return true
		}
	}
	return false
}

// IsParam reports whether v is a parameter of sig (not the receiver).
func IsParam(sig *types.Signature, v *types.Var) bool {
	for p := range sig.Params().Variables() {
		if p == v {
			return true
		}
	}
	return false
}

// IsParamOrResult reports whether v is a parameter or a named result of
// sig.
func IsParamOrResult(sig *types.Signature, v *types.Var) bool {
	if IsParam(sig, v) {
		return true
	}
	for r := range sig.Results().Variables() {
		if r == v {
			return true
		}
	}
	return false
}

// DeclaredIn reports whether v is declared inside the node n (a
// function's parameters and body, for a function).
func DeclaredIn(v *types.Var, n ast.Node) bool { return n.Pos() <= v.Pos() && v.Pos() < n.End() }

// ReturnsError reports whether the last result of sig is an error (the Go
// convention for a call that can fail).
func ReturnsError(sig *types.Signature) bool {
	r := sig.Results()
	return r.Len() > 0 && types.Identical(r.At(r.Len()-1).Type(), types.Universe.Lookup("error").Type())
}

// NeverTrue reports whether cond can never hold because it is a conjunction
// (&&) of comparisons of one variable or field chain with integer constants
// whose ranges do not meet: resp.StatusCode < 200 && resp.StatusCode > 299.
// The body of an if with such a condition cannot run. Any conjunct of
// another form is left out of the reckoning, so the answer errs towards
// "may hold".
func NeverTrue(info *types.Info, cond ast.Expr) bool {
	type bounds struct {
		path   []types.Object
		lo, hi int64
	}
	var ranges []*bounds
	parts := conjuncts(cond)
	if slices.ContainsFunc(parts, func(e ast.Expr) bool { return HasCall(e) }) {
		return false // a call between the comparisons may change the value
	}
	for _, c := range parts {
		path, op, k, ok := comparedWithConst(info, c)
		if !ok {
			continue
		}
		var r *bounds
		for _, b := range ranges {
			if slices.Equal(b.path, path) {
				r = b
			}
		}
		if r == nil {
			r = &bounds{path: path, lo: math.MinInt64, hi: math.MaxInt64}
			ranges = append(ranges, r)
		}
		switch op {
		case token.LSS:
			if k == math.MinInt64 {
				return true
			}
			r.hi = min(r.hi, k-1)
		case token.LEQ:
			r.hi = min(r.hi, k)
		case token.GTR:
			if k == math.MaxInt64 {
				return true
			}
			r.lo = max(r.lo, k+1)
		case token.GEQ:
			r.lo = max(r.lo, k)
		case token.EQL:
			r.lo, r.hi = max(r.lo, k), min(r.hi, k)
		}
		if r.lo > r.hi {
			return true
		}
	}
	return false
}

// conjuncts splits e at its top-level && operators, parentheses aside.
func conjuncts(e ast.Expr) []ast.Expr {
	if b, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && b.Op == token.LAND {
		return append(conjuncts(b.X), conjuncts(b.Y)...)
	}
	return []ast.Expr{ast.Unparen(e)}
}

// comparedWithConst reads e as "operand op k" with k an integer constant
// and the operand a variable or a chain of field selections from one
// (resp.StatusCode), the constant on either side; the operand is given as
// the objects along its chain, so two spellings of one value compare equal.
func comparedWithConst(info *types.Info, e ast.Expr) (path []types.Object, op token.Token, k int64, ok bool) {
	b, isBin := e.(*ast.BinaryExpr)
	if !isBin {
		return nil, 0, 0, false
	}
	op = b.Op
	x, y := b.X, b.Y
	if _, isConst := ConstInt(info, x); isConst {
		x, y = y, x
		switch op {
		case token.LSS:
			op = token.GTR
		case token.LEQ:
			op = token.GEQ
		case token.GTR:
			op = token.LSS
		case token.GEQ:
			op = token.LEQ
		}
	}
	switch op {
	case token.LSS, token.LEQ, token.GTR, token.GEQ, token.EQL:
	default:
		return nil, 0, 0, false
	}
	if k, ok = ConstInt(info, y); !ok {
		return nil, 0, 0, false
	}
	if path = fieldChain(info, x); path == nil {
		return nil, 0, 0, false
	}
	return path, op, k, true
}

// fieldChain gives the objects along v.f.g, a variable and the fields
// selected from it, or nil for any other expression (a call, an index).
func fieldChain(info *types.Info, e ast.Expr) []types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v, ok := info.ObjectOf(e).(*types.Var); ok {
			return []types.Object{v}
		}
	case *ast.SelectorExpr:
		sel, ok := info.Selections[e]
		if !ok || sel.Kind() != types.FieldVal {
			return nil
		}
		if head := fieldChain(info, e.X); head != nil {
			return append(head, sel.Obj())
		}
	}
	return nil
}
