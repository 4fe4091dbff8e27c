package sqlcheck

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/apis"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// rowsImports are the packages whose result sets the rows rules follow:
// those with query methods in the API tables.
var rowsImports = apis.QueryPaths()

// isRows reports whether t is a result set that holds a connection until
// closed (from the API tables: *sql.Rows, *sqlx.Rows, pgx.Rows).
func isRows(t types.Type) bool { return apis.IsRows(t) }

// rowsResult is a call that returns a result set, and what the function
// that made it does with it.
type rowsResult struct {
	call   *ast.CallExpr
	cursor inspector.Cursor
	assign *ast.AssignStmt // the statement that names the rows, or nil
	v      *types.Var      // the variable holding the rows, or nil
	// discarded is set when the rows are dropped (an expression statement
	// or _); escaped when they leave the variable (returned, passed to a
	// helper, stored in a field or another variable), so that someone
	// else closes and checks them.
	discarded, escaped bool
	// perRow is set when the rows are passed to a helper only inside the
	// body of the function's own for rows.Next() loop (a per-row scanner):
	// the function still iterates them, so the Err check stays its own,
	// but the helper may close them.
	perRow             bool
	closed, errChecked bool
	bestEffort         bool               // the function drops every error it meets (sql-rows-err)
	loops              []inspector.Cursor // the for rows.Next() loops
}

// rowsResults returns every call of the package that returns rows, with
// the uses of the variable that holds them.
func rowsResults(p *rule.Pass) []*rowsResult {
	var out []*rowsResult
	for c := range p.Cursors((*ast.CallExpr)(nil)) {
		call := c.Node().(*ast.CallExpr)
		if !returnsRows(p.TypesInfo, call) {
			continue
		}
		r := &rowsResult{call: call, cursor: c}
		r.bind(p.TypesInfo, c)
		if r.v != nil {
			r.followUses(p.TypesInfo, c)
		}
		out = append(out, r)
	}
	return out
}

func returnsRows(info *types.Info, call *ast.CallExpr) bool {
	switch t := info.TypeOf(call).(type) {
	case *types.Tuple:
		return t.Len() > 0 && isRows(t.At(0).Type())
	case nil:
		return false
	default:
		return isRows(t)
	}
}

// bind finds where the rows go: a variable, nowhere, or elsewhere.
func (r *rowsResult) bind(info *types.Info, c inspector.Cursor) {
	switch parent := c.Parent().Node().(type) {
	case *ast.ExprStmt:
		r.discarded = true
	case *ast.AssignStmt:
		if len(parent.Rhs) != 1 {
			r.escaped = true
			return
		}
		r.assign = parent
		if id, ok := parent.Lhs[0].(*ast.Ident); ok && id.Name == "_" {
			r.discarded = true
			return
		}
		if r.v = match.Var(info, parent.Lhs[0]); r.v == nil || r.v.Parent() == r.v.Pkg().Scope() {
			r.v, r.escaped = nil, true // a field or a package variable: its owner closes it
		}
	case *ast.ValueSpec:
		if len(parent.Values) == 1 && len(parent.Names) > 0 {
			if parent.Names[0].Name == "_" {
				r.discarded = true
				return
			}
			r.v, _ = info.Defs[parent.Names[0]].(*types.Var)
		}
		if r.v == nil {
			r.escaped = true
		}
	default:
		r.escaped = true // returned, passed on, stored in a literal
	}
}

// followUses classifies every use of the rows variable in the function
// that declares it (closures included).
func (r *rowsResult) followUses(info *types.Info, c inspector.Cursor) {
	scope := c
	for fc := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		scope = fc // the outermost function: closures share the variable
	}
	var perRow []inspector.Cursor // passed to a helper that may read them
	for ic := range scope.Preorder((*ast.Ident)(nil)) {
		id := ic.Node().(*ast.Ident)
		if info.Uses[id] != r.v {
			continue
		}
		switch parent := ic.Parent().Node().(type) {
		case *ast.SelectorExpr: // rows.Close, rows.Next, rows.Err
			switch parent.Sel.Name {
			case "Close":
				r.closed = true
			case "Err":
				r.errChecked = true
			case "Next":
				if loop, ok := ic.Parent().Parent().Parent().Node().(*ast.ForStmt); ok && loop.Cond == ic.Parent().Parent().Node() {
					r.loops = append(r.loops, ic.Parent().Parent().Parent())
				}
			}
		case *ast.BinaryExpr: // rows != nil
			if parent.Op != token.EQL && parent.Op != token.NEQ {
				r.escaped = true
			}
		case *ast.AssignStmt:
			if isLHS(parent, id) {
				continue // assigned again, by this or another query
			}
			r.escaped = true
		case *ast.CallExpr:
			if ic.ParentEdgeKind() != edge.CallExpr_Args {
				r.escaped = true // called as a function value: cannot be rows
				continue
			}
			if closes, only := closeOnlyParam(info, parent, ic.ParentEdgeIndex()); only {
				r.closed = r.closed || closes // a closer helper: it can close them, never read or check them
				continue
			}
			perRow = append(perRow, ic)
		default:
			r.escaped = true
		}
	}
	for _, ic := range perRow {
		if r.inOwnLoop(ic) {
			r.perRow = true
		} else {
			r.escaped = true
		}
	}
}

// closeOnlyParam reports whether the argument at index i of call goes to
// a parameter of a non-empty interface type with no Next, Scan or Err
// method (io.Closer): a helper that receives the rows only through it can
// close them but neither read them nor check their error. closes reports
// whether that interface has a Close method.
func closeOnlyParam(info *types.Info, call *ast.CallExpr, i int) (closes, only bool) {
	ft := info.TypeOf(call.Fun)
	if ft == nil {
		return false, false // a cgo call C.f has no type
	}
	sig, ok := ft.Underlying().(*types.Signature)
	if !ok || sig.Params().Len() == 0 {
		return false, false
	}
	var t types.Type
	switch n := sig.Params().Len(); {
	case sig.Variadic() && i >= n-1:
		if call.Ellipsis.IsValid() {
			return false, false
		}
		s, ok := sig.Params().At(n - 1).Type().Underlying().(*types.Slice)
		if !ok {
			return false, false
		}
		t = s.Elem()
	case i < n:
		t = sig.Params().At(i).Type()
	default:
		return false, false
	}
	iface, ok := t.Underlying().(*types.Interface)
	if !ok || iface.NumMethods() == 0 {
		return false, false // a concrete rows type, or any: the helper may assert it back
	}
	for m := range iface.Methods() {
		switch m.Name() {
		case "Next", "Scan", "Err":
			return false, false
		case "Close":
			closes = true
		}
	}
	return closes, true
}

// inOwnLoop reports whether the use at ic sits in the body of one of the
// function's for rows.Next() loops, in the same function (not a closure
// or goroutine started there).
func (r *rowsResult) inOwnLoop(ic inspector.Cursor) bool {
	for _, loop := range r.loops {
		body := loop.Node().(*ast.ForStmt).Body
		if ic.Node().Pos() < body.Pos() || ic.Node().End() > body.End() {
			continue
		}
		for c := range ic.Enclosing() {
			if c.Node() == body {
				return true
			}
			switch c.Node().(type) {
			case *ast.FuncLit, *ast.GoStmt, *ast.DeferStmt:
				return false
			}
		}
	}
	return false
}

func isLHS(a *ast.AssignStmt, id *ast.Ident) bool {
	for _, lhs := range a.Lhs {
		if lhs == id {
			return true
		}
	}
	return false
}
