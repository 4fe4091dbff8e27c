package sqlcheck

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
	"github.com/prodlint/prodlint/analyzers/internal/summary/sqlsum"
)

// dbFlow follows the *sql.DB values of one package from sql.Open to the
// places that hold them (variables, parameters, struct fields of the
// package, functions that return them) to find out whether one of those
// holders gets SetMaxOpenConns.
type dbFlow struct {
	info    *types.Info
	pkg     *types.Package
	library bool // exported functions may be called, and configured, from other packages
	sum     *sqlsum.Result

	opens      []inspector.Cursor                  // sql.Open and sql.OpenDB calls, and of openers of other packages
	reads      map[types.Object][]inspector.Cursor // identifiers that use a holder
	configured map[types.Object]bool               // holders SetMaxOpenConns is called on
	unlimited  bool                                // the package calls SetMaxOpenConns(0): "no limit"
}

// fate is where an opened *sql.DB ends up.
type fate int

const (
	unconfigured fate = iota // every holder is seen and none is limited
	configured               // a holder gets SetMaxOpenConns
	escaped                  // it leaves what the package shows: someone else may limit it
)

// newDBFlow indexes the package in one walk.
func newDBFlow(p *rule.Pass, sum *sqlsum.Result) *dbFlow {
	f := &dbFlow{
		sum:        sum,
		info:       p.TypesInfo,
		pkg:        p.Pkg,
		library:    p.Pkg.Name() != "main",
		reads:      map[types.Object][]inspector.Cursor{},
		configured: map[types.Object]bool{},
	}
	for c := range p.Cursors((*ast.CallExpr)(nil), (*ast.Ident)(nil)) {
		switch n := c.Node().(type) {
		case *ast.CallExpr:
			if match.IsCallTo(f.info, n, sqlPath, "Open", "OpenDB") || f.opener(n) != nil {
				f.opens = append(f.opens, c)
			} else if match.IsMethodCall(f.info, n, sqlPath, "DB", "SetMaxOpenConns") {
				if sqlsum.UnlimitedMaxOpen(f.info, n) {
					f.unlimited = true // SetMaxOpenConns(0) lifts the limit: it configures nothing
				} else if h := f.receiverHolder(n); h != nil {
					f.configured[h] = true
				}
			}
		case *ast.Ident:
			if obj := f.info.Uses[n]; obj != nil && f.isHolder(obj) {
				f.reads[obj] = append(f.reads[obj], c)
			}
		}
	}
	return f
}

// opener returns the function of another package a call invokes when its
// summary says that every call opens a new pool it never limits, or nil.
func (f *dbFlow) opener(call *ast.CallExpr) *types.Func {
	fn := match.Callee(f.info, call)
	if fn == nil || fn.Pkg() == f.pkg {
		return nil // the package's own functions are followed through their bodies
	}
	if s := f.sum.Func(fn); s != nil && s.Pool && s.Fresh && !s.Limited {
		return fn
	}
	return nil
}

// openResult returns which result of an open call is the *sql.DB.
func (f *dbFlow) openResult(open inspector.Cursor) int {
	if fn := f.opener(open.Node().(*ast.CallExpr)); fn != nil {
		return dbResult(fn.Signature())
	}
	return 0
}

// isHolder reports whether obj can hold a *sql.DB the flow follows: a
// variable or field of type *sql.DB, or a function of the package that
// returns one.
func (f *dbFlow) isHolder(obj types.Object) bool {
	switch obj := obj.(type) {
	case *types.Var:
		return isPointerToDB(obj.Type())
	case *types.Func:
		return obj.Pkg() == f.pkg && dbResult(obj.Signature()) >= 0
	}
	return false
}

// dbResult returns the index of the first *sql.DB result of sig, or -1.
func dbResult(sig *types.Signature) int {
	for i := 0; i < sig.Results().Len(); i++ {
		if isPointerToDB(sig.Results().At(i).Type()) {
			return i
		}
	}
	return -1
}

// receiverHolder returns the holder a SetMaxOpenConns call is made on: a
// variable, a field (also an embedded *sql.DB the method is promoted
// through), or the function whose result it is called on.
func (f *dbFlow) receiverHolder(call *ast.CallExpr) types.Object {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	if s := f.info.Selections[sel]; s != nil && len(s.Index()) > 1 {
		return embeddedField(s)
	}
	switch x := ast.Unparen(sel.X).(type) {
	case *ast.Ident, *ast.SelectorExpr:
		return match.ObjectOf(f.info, x)
	case *ast.CallExpr:
		if fn := match.Callee(f.info, x); fn != nil {
			return fn.Origin()
		}
	}
	return nil
}

// embeddedField returns the last embedded field a promoted method is
// reached through: the *sql.DB field itself.
func embeddedField(s *types.Selection) types.Object {
	t := s.Recv()
	var field *types.Var
	for _, i := range s.Index()[:len(s.Index())-1] {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok {
			return nil
		}
		field = st.Field(i)
		t = field.Type()
	}
	return field
}

// site is an expression that yields the *sql.DB, as result number result
// when it is a call with several results.
type site struct {
	cur    inspector.Cursor
	result int
}

// fate follows the value of an sql.Open call through its holders.
func (f *dbFlow) fate(open inspector.Cursor) fate {
	seen := map[types.Object]bool{}
	work := []site{{cur: open, result: f.openResult(open)}}
	for len(work) > 0 {
		s := work[len(work)-1]
		work = work[:len(work)-1]
		to, holder := f.follow(s)
		switch to {
		case configured, escaped:
			return to
		}
		if holder == nil || seen[holder] {
			continue
		}
		if f.configured[holder] {
			return configured
		}
		seen[holder] = true
		reads := f.reads[holder]
		if _, isFunc := holder.(*types.Func); isFunc && len(reads) == 0 {
			return escaped // called only through an interface or a function value, or not at all
		}
		for _, r := range reads {
			next, ok, isWrite := f.readSite(r, holder)
			switch {
			case isWrite:
			case !ok:
				return escaped
			default:
				work = append(work, next)
			}
		}
	}
	return unconfigured
}

// readSite turns a use of a holder into the expression that yields its
// value; isWrite is set for assignments to the holder, and ok is false
// when a function holder is used other than by calling it.
func (f *dbFlow) readSite(id inspector.Cursor, holder types.Object) (s site, ok, isWrite bool) {
	e := id
	if id.ParentEdgeKind() == edge.SelectorExpr_Sel {
		e = id.Parent()
	}
	if fn, isFunc := holder.(*types.Func); isFunc {
		if e.ParentEdgeKind() != edge.CallExpr_Fun {
			return site{}, false, false
		}
		return site{cur: e.Parent(), result: dbResult(fn.Signature())}, true, false
	}
	switch e.ParentEdgeKind() {
	case edge.AssignStmt_Lhs, edge.KeyValueExpr_Key, edge.RangeStmt_Key, edge.RangeStmt_Value:
		return site{}, true, true
	}
	return site{cur: e}, true, false
}

// follow says where the value at s goes next: to SetMaxOpenConns, to a
// holder, nowhere that matters (another method call, a nil check), or out
// of sight.
func (f *dbFlow) follow(s site) (fate, types.Object) {
	c := s.cur
	for c.ParentEdgeKind() == edge.ParenExpr_X {
		c = c.Parent()
	}
	kind, idx := c.ParentEdge()
	tuple := isTuple(f.info, c.Node())
	if tuple {
		idx = s.result
	}
	switch parent := c.Parent().Node().(type) {
	case *ast.SelectorExpr: // db.Method(...) or db.Method
		if kind == edge.SelectorExpr_X && c.Parent().ParentEdgeKind() == edge.CallExpr_Fun &&
			match.IsMethodCall(f.info, c.Parent().Parent().Node().(*ast.CallExpr), sqlPath, "DB", "SetMaxOpenConns") &&
			!sqlsum.UnlimitedMaxOpen(f.info, c.Parent().Parent().Node().(*ast.CallExpr)) {
			return configured, nil
		}
		return unconfigured, nil
	case *ast.AssignStmt:
		if kind == edge.AssignStmt_Rhs && idx < len(parent.Lhs) {
			return f.target(parent.Lhs[idx])
		}
	case *ast.ValueSpec:
		if kind == edge.ValueSpec_Values && idx < len(parent.Names) {
			return f.target(parent.Names[idx])
		}
	case *ast.ReturnStmt:
		return f.returned(c, idx)
	case *ast.CallExpr:
		if kind == edge.CallExpr_Args && !tuple {
			return f.argument(parent, idx)
		}
	case *ast.KeyValueExpr:
		if kind == edge.KeyValueExpr_Value {
			if key, ok := parent.Key.(*ast.Ident); ok {
				if field, ok := f.info.Uses[key].(*types.Var); ok && field.IsField() {
					return f.holderVar(field)
				}
			}
		}
	case *ast.CompositeLit:
		if st, ok := f.info.TypeOf(parent).Underlying().(*types.Struct); ok && idx < st.NumFields() {
			return f.holderVar(st.Field(idx))
		}
	case *ast.BinaryExpr, *ast.ExprStmt:
		return unconfigured, nil // db != nil, or a discarded value
	}
	return escaped, nil
}

// isTuple reports whether n is a call with several results.
func isTuple(info *types.Info, n ast.Node) bool {
	e, ok := n.(ast.Expr)
	if !ok {
		return false
	}
	_, tuple := info.TypeOf(e).(*types.Tuple)
	return tuple
}

// target returns the holder an assignment stores into.
func (f *dbFlow) target(lhs ast.Expr) (fate, types.Object) {
	if match.IsBlank(lhs) {
		return unconfigured, nil
	}
	if v, ok := match.ObjectOf(f.info, lhs).(*types.Var); ok {
		return f.holderVar(v)
	}
	return escaped, nil // a map or slice element, or through a pointer
}

// holderVar accepts a variable, parameter or field of the package typed
// *sql.DB as a holder; a field of another package's type is out of sight.
func (f *dbFlow) holderVar(v *types.Var) (fate, types.Object) {
	if !isPointerToDB(v.Type()) || (v.IsField() && v.Pkg() != f.pkg) {
		return escaped, nil
	}
	return unconfigured, v.Origin()
}

// returned makes the enclosing function the holder of a returned value,
// unless callers in other packages may receive it.
func (f *dbFlow) returned(c inspector.Cursor, idx int) (fate, types.Object) {
	fc, _, sig := match.EnclosingFunc(f.info, c)
	decl, ok := fc.Node().(*ast.FuncDecl)
	if !ok || sig == nil || idx >= sig.Results().Len() || !isPointerToDB(sig.Results().At(idx).Type()) {
		return escaped, nil
	}
	fn, _ := f.info.Defs[decl.Name].(*types.Func)
	if fn == nil || (f.library && fn.Exported()) || dbResult(sig) != idx {
		return escaped, nil // the caller may configure it
	}
	return unconfigured, fn
}

// argument makes the parameter of a function of this package the holder
// of a value passed to it.
func (f *dbFlow) argument(call *ast.CallExpr, idx int) (fate, types.Object) {
	fn := match.Callee(f.info, call)
	if fn == nil {
		return escaped, nil
	}
	if fn.Pkg() != f.pkg { // another package: what its summary says it does with the pool
		s := f.sum.Func(fn)
		switch {
		case s == nil || call.Ellipsis.IsValid():
		case slices.Contains(s.Limits, idx):
			return configured, nil
		case slices.Contains(s.Keeps, idx):
			return unconfigured, nil
		}
		return escaped, nil
	}
	sig := fn.Origin().Signature()
	if recv := sig.Recv(); recv != nil && types.IsInterface(recv.Type()) {
		return escaped, nil
	}
	if idx >= sig.Params().Len() || (sig.Variadic() && idx >= sig.Params().Len()-1) {
		return escaped, nil
	}
	return f.holderVar(sig.Params().At(idx))
}

// confined reports whether the *sql.DB an Open returns lives and dies in
// the function that opens it: assigned to a local variable of that
// function, used there only as the receiver of its methods (never passed,
// stored, returned, used by a go statement or captured by a function
// literal, any of which could share it between goroutines) and closed
// there. One goroutine's sequential queries hold one connection at a time
// (one more per open Rows), so a pool limit has nothing to bound: an admin
// connection that creates a database and closes (gitea tests/test_utils.go,
// models/migrations/base/tests.go).
func (f *dbFlow) confined(open inspector.Cursor) bool {
	fn, _, sig := match.EnclosingFunc(f.info, open)
	if !fn.Valid() || sig == nil {
		return false
	}
	c := open
	for c.ParentEdgeKind() == edge.ParenExpr_X {
		c = c.Parent()
	}
	var lhs ast.Expr
	kind, _ := c.ParentEdge()
	switch parent := c.Parent().Node().(type) {
	case *ast.AssignStmt:
		if kind != edge.AssignStmt_Rhs || len(parent.Rhs) != 1 {
			return false
		}
		lhs = parent.Lhs[0]
	case *ast.ValueSpec:
		if kind != edge.ValueSpec_Values || len(parent.Values) != 1 {
			return false
		}
		lhs = parent.Names[0]
	default:
		return false
	}
	v := match.Var(f.info, lhs)
	if v == nil || v.IsField() || v.Parent() == v.Pkg().Scope() || !match.DeclaredIn(v, fn.Node()) || match.IsParamOrResult(sig, v) {
		return false
	}
	closed := false
	for _, r := range f.reads[v] {
		if inner, _, _ := match.EnclosingFunc(f.info, r); inner != fn {
			return false // captured by a function literal
		}
		switch r.ParentEdgeKind() {
		case edge.SelectorExpr_X:
			sel := r.Parent()
			if sel.ParentEdgeKind() != edge.CallExpr_Fun || sel.Parent().ParentEdgeKind() == edge.GoStmt_Call {
				return false // a method value, or a query in a goroutine
			}
			if match.IsMethodCall(f.info, sel.Parent().Node().(*ast.CallExpr), sqlPath, "DB", "Close") {
				closed = true
			}
		case edge.AssignStmt_Lhs, edge.BinaryExpr_X, edge.BinaryExpr_Y:
			// opened again into the same variable, or compared with nil
		default:
			return false
		}
	}
	return closed
}

// sqlPath is the import path of database/sql.
const sqlPath = "database/sql"

// isPointerToDB reports whether t is *sql.DB.
func isPointerToDB(t types.Type) bool {
	return t != nil && match.IsPointerTo(t, sqlPath, "DB")
}
