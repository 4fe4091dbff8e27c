package main

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
)

// --- sql-in-loop

// opQueryIntoLoop puts the N+1 shape back: a SELECT the function runs once,
// with a bound argument, is run again at the top of a loop of the same
// function over a list from the data (a parameter, a result, a field),
// with the argument taken from the loop's element: one query per item.
func opQueryIntoLoop(s *scan, op *operator, n ast.Node) {
	fd, ok := n.(*ast.FuncDecl)
	if !ok || fd.Body == nil || inMigrationCode(s, fd) {
		return
	}
	var loops []*ast.RangeStmt
	queries := boundQueries(s, fd, func(m ast.Node) {
		if x, ok := m.(*ast.RangeStmt); ok && isDataList(s, x) {
			loops = append(loops, x)
		}
	})
	for _, q := range queries {
		for _, l := range loops {
			if q.stmt.Pos() >= l.Pos() && q.stmt.End() <= l.End() {
				continue // already in the loop
			}
			for _, a := range q.args {
				repl := fromElement(s, l, a)
				if repl == "" {
					continue
				}
				q.copyInto(s, op, l, a, repl, s.off(l.Body.Lbrace)+1)
				break
			}
		}
	}
}

// boundQuery is a SELECT with bound arguments that a function runs, and
// the statement that holds it.
type boundQuery struct {
	call *ast.CallExpr
	stmt ast.Stmt
	args []ast.Expr
}

// boundQueries walks the body of fd once and returns its SELECTs with
// bound arguments that sit in a statement a copy can be made of; it hands
// every node to visit as well.
func boundQueries(s *scan, fd *ast.FuncDecl, visit func(ast.Node)) []boundQuery {
	var queries []boundQuery
	var stack []ast.Node
	ast.Inspect(fd.Body, func(m ast.Node) bool {
		if m == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, m)
		visit(m)
		if x, ok := m.(*ast.CallExpr); ok {
			if args := selectArgs(s, fd, x); args != nil {
				if st := stmtOf(stack); st != nil {
					queries = append(queries, boundQuery{x, st, args})
				}
			}
		}
		return true
	})
	return queries
}

// copyInto adds the mutant that inserts, at offset o inside loop, a copy
// of the query's statement whose argument a is replaced by repl.
func (q boundQuery) copyInto(s *scan, op *operator, loop ast.Node, a ast.Expr, repl string, o int) {
	text := string(s.src[s.off(q.stmt.Pos()):s.off(a.Pos())]) + repl + string(s.src[s.off(a.End()):s.off(q.stmt.End())])
	s.stack = append(s.stack, loop)
	s.add(op, q.call, []edit{{o, o, "\n" + text + "\n"}})
	s.setVia(s.via(q.call, sqlAPIs...))
	s.stack = s.stack[:len(s.stack)-1]
}

// stmtOf is the innermost statement of a statement list on the stack, other
// than a return (a copy of which would leave the loop at once) or a
// statement that declares a label.
func stmtOf(stack []ast.Node) ast.Stmt {
	for i := len(stack) - 2; i >= 0; i-- {
		switch stack[i].(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			st, ok := stack[i+1].(ast.Stmt)
			if !ok {
				return nil
			}
			switch st.(type) {
			case *ast.ReturnStmt, *ast.LabeledStmt, *ast.DeferStmt, *ast.GoStmt, *ast.BranchStmt:
				return nil
			}
			return st
		case *ast.FuncLit:
			return nil
		}
	}
	return nil
}

// isSelectText: a constant SQL text that is one SELECT reading a table
// outside the catalog.
func isSelectText(s *scan, e ast.Expr) bool {
	var text string
	if tv := s.info().Types[e]; tv.Value != nil && tv.Value.Kind() == constant.String {
		text = constant.StringVal(tv.Value)
	} else if _, v, ok := sqlTextLit(s, e); ok {
		text = v // a local variable defined once from a literal
	} else {
		return false
	}
	q := strings.ToUpper(strings.TrimSpace(text))
	q = strings.TrimRight(q, "; \n\t")
	if !strings.HasPrefix(q, "SELECT") || !strings.Contains(q, " FROM ") || strings.Contains(q, ";") {
		return false
	}
	return !readsCatalog(q)
}

// readsCatalog: upper-case SQL text that reads the database's own catalog
// (information_schema, pg_catalog, sqlite_master), not the application's
// data.
func readsCatalog(q string) bool {
	for _, cat := range []string{"INFORMATION_SCHEMA", "PG_CATALOG", "SQLITE_MASTER", "SQLITE_SCHEMA", "PG_"} {
		if strings.Contains(q, cat) {
			return true
		}
	}
	return false
}

// isDataList: a range over a slice, array or map that is not written in the
// source (a composite literal) with a named element variable.
func isDataList(s *scan, r *ast.RangeStmt) bool {
	if r.Value == nil && r.Key == nil {
		return false
	}
	if _, ok := ast.Unparen(r.X).(*ast.CompositeLit); ok {
		return false
	}
	t := s.typeOf(r.X)
	if t == nil {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Slice, *types.Map:
		return true
	case *types.Pointer:
		_, ok := u.Elem().Underlying().(*types.Array)
		return ok
	}
	return false
}

// fromElement is the text of an expression of the loop's element that can
// stand for the query argument a: the element itself, or a field of it with
// a's name and type; the key of a map.
func fromElement(s *scan, l *ast.RangeStmt, a ast.Expr) string {
	at := s.typeOf(a)
	if at == nil {
		return ""
	}
	name := ""
	switch x := ast.Unparen(a).(type) {
	case *ast.Ident:
		name = x.Name
	case *ast.SelectorExpr:
		name = x.Sel.Name
	default:
		return ""
	}
	if _, isMap := s.typeOf(l.X).Underlying().(*types.Map); isMap {
		if k, ok := l.Key.(*ast.Ident); ok && k.Name != "_" && types.Identical(s.typeOf(k), at) {
			return k.Name
		}
	}
	v, ok := l.Value.(*ast.Ident)
	if !ok || v.Name == "_" {
		return ""
	}
	vt := s.typeOf(v)
	if vt == nil {
		return ""
	}
	if types.Identical(vt, at) {
		if b, ok := at.Underlying().(*types.Basic); ok && b.Info()&types.IsBoolean != 0 {
			return ""
		}
		return v.Name
	}
	st := vt
	if p, ok := st.Underlying().(*types.Pointer); ok {
		st = p.Elem()
	}
	str, ok := st.Underlying().(*types.Struct)
	if !ok {
		return ""
	}
	for i := 0; i < str.NumFields(); i++ {
		f := str.Field(i)
		if f.Exported() && strings.EqualFold(f.Name(), name) && types.Identical(f.Type(), at) {
			return v.Name + "." + f.Name()
		}
	}
	return ""
}

// inMigrationCode: migration code by where it sits (a package path element
// or function name naming migrations), which runs once per schema version.
func inMigrationCode(s *scan, fd *ast.FuncDecl) bool {
	if strings.Contains(strings.ToLower(s.c.Pkg.PkgPath), "migrat") {
		return true
	}
	return strings.Contains(strings.ToLower(fd.Name.Name), "migrat")
}

// --- goroutine-unbounded

// opLoopBodyGo turns a loop that calls another process once per element,
// one at a time, into one goroutine per element with nothing to bound
// them: the call statement of a loop over a list from the data runs in
// `go func() { ... }()`.
func opLoopBodyGo(s *scan, op *operator, n ast.Node) {
	r, ok := n.(*ast.RangeStmt)
	if !ok || !isDataList(s, r) {
		return
	}
	for _, st := range r.Body.List {
		var call *ast.CallExpr
		switch x := st.(type) {
		case *ast.ExprStmt:
			call, _ = ast.Unparen(x.X).(*ast.CallExpr)
		case *ast.AssignStmt:
			if len(x.Rhs) == 1 && allBlank(x.Lhs) {
				call, _ = ast.Unparen(x.Rhs[0]).(*ast.CallExpr)
			}
		}
		if call == nil || !isNetworkCall(s, call) {
			continue
		}
		s.stack = append(s.stack, r.Body, st)
		s.add(op, st, []edit{{s.off(st.Pos()), s.off(st.Pos()), "go func() { "}, {s.off(st.End()), s.off(st.End()), " }()"}})
		s.stack = s.stack[:len(s.stack)-2]
		return
	}
}

func allBlank(es []ast.Expr) bool {
	for _, e := range es {
		if id, ok := e.(*ast.Ident); !ok || id.Name != "_" {
			return false
		}
	}
	return true
}

// opQueryIntoRowsLoop puts the N+1 shape back in a loop over a result set:
// a SELECT the function runs once, with a bound argument, is run again in
// a `for rows.Next()` loop of the same function, right after the row is
// scanned, with the argument taken from a scanned variable of its type:
// one query per row.
func opQueryIntoRowsLoop(s *scan, op *operator, n ast.Node) {
	fd, ok := n.(*ast.FuncDecl)
	if !ok || fd.Body == nil || inMigrationCode(s, fd) {
		return
	}
	var loops []rowsLoop
	queries := boundQueries(s, fd, func(m ast.Node) {
		if x, ok := m.(*ast.ForStmt); ok {
			if l, ok := rowsNextLoop(s, x); ok {
				loops = append(loops, l)
			}
		}
	})
	for _, q := range queries {
		for _, l := range loops {
			if q.stmt.Pos() >= l.loop.Pos() && q.stmt.End() <= l.loop.End() {
				continue // already in the loop
			}
			done := false
			for _, a := range q.args {
				repl := fromScanned(s, l.targets, a)
				if repl == "" {
					continue
				}
				q.copyInto(s, op, l.loop, a, repl, s.off(l.scan.End()))
				done = true
				break
			}
			if done {
				break
			}
		}
	}
}

type rowsLoop struct {
	loop    *ast.ForStmt
	scan    ast.Stmt   // the statement of the loop body that scans
	targets []ast.Expr // what it scans into (x of &x)
}

// rowsNextLoop recognises `for rows.Next() { ... rows.Scan(&a, &b) ... }`
// over a result set of the SQL APIs, with the top-level statement of its
// body that scans and the scanned expressions.
func rowsNextLoop(s *scan, f *ast.ForStmt) (l rowsLoop, ok bool) {
	call, isCall := ast.Unparen(f.Cond).(*ast.CallExpr)
	if f.Init != nil || f.Post != nil || !isCall || len(call.Args) != 0 {
		return l, false
	}
	sel, isSel := call.Fun.(*ast.SelectorExpr)
	if !isSel || sel.Sel.Name != "Next" {
		return l, false
	}
	p, _ := named(s.typeOf(sel.X))
	isAPI := false
	for _, api := range sqlAPIs {
		isAPI = isAPI || strings.HasPrefix(p, api)
	}
	if !isAPI {
		return l, false
	}
	rows := types.ExprString(sel.X)
	for _, st := range f.Body.List {
		var targets []ast.Expr
		ast.Inspect(st, func(m ast.Node) bool {
			c, ok := m.(*ast.CallExpr)
			if !ok || targets != nil {
				return targets == nil
			}
			cs, ok := c.Fun.(*ast.SelectorExpr)
			if !ok || cs.Sel.Name != "Scan" || types.ExprString(cs.X) != rows {
				return true
			}
			for _, a := range c.Args {
				if u, ok := ast.Unparen(a).(*ast.UnaryExpr); ok && u.Op == token.AND {
					targets = append(targets, u.X)
				}
			}
			return false
		})
		if targets == nil {
			continue
		}
		switch st.(type) {
		case *ast.ExprStmt, *ast.AssignStmt, *ast.IfStmt:
		default:
			return l, false
		}
		l.loop, l.scan, l.targets = f, st, targets
		return l, true
	}
	return l, false
}

// fromScanned is the text of a scanned expression that can stand for the
// query argument a: one of a's type, of a's name if several have it.
func fromScanned(s *scan, targets []ast.Expr, a ast.Expr) string {
	at := s.typeOf(a)
	if at == nil {
		return ""
	}
	if b, ok := at.Underlying().(*types.Basic); ok && b.Info()&types.IsBoolean != 0 {
		return ""
	}
	name := ""
	switch x := ast.Unparen(a).(type) {
	case *ast.Ident:
		name = x.Name
	case *ast.SelectorExpr:
		name = x.Sel.Name
	}
	var same []ast.Expr
	for _, t := range targets {
		if tt := s.typeOf(t); tt != nil && types.Identical(tt, at) {
			same = append(same, t)
		}
	}
	for _, t := range same {
		last := types.ExprString(t)
		if i := strings.LastIndexByte(last, '.'); i >= 0 {
			last = last[i+1:]
		}
		if name != "" && strings.EqualFold(last, name) {
			return s.text(t)
		}
	}
	if len(same) > 0 {
		return s.text(same[0])
	}
	return ""
}

// selectArgs returns the bound arguments of a call that runs a SELECT of a
// table: a query API given the SELECT text, or a function of the package
// (other than fd) that runs one itself, whose arguments are all candidates;
// nil for any other call.
func selectArgs(s *scan, fd *ast.FuncDecl, call *ast.CallExpr) []ast.Expr {
	if call.Ellipsis.IsValid() {
		return nil
	}
	if i := queryArg(s, call); i >= 0 {
		if i+1 >= len(call.Args) || !isSelectText(s, call.Args[i]) {
			return nil
		}
		return call.Args[i+1:]
	}
	fn := s.callee(call)
	if fn == nil || fn.Pkg() != s.c.Types || len(call.Args) == 0 || s.info().Defs[fd.Name] == fn {
		return nil
	}
	if !selectHelpers(s)[fn] {
		return nil
	}
	return call.Args
}

// selectHelpers are the functions of the package whose own body runs a
// SELECT through a query API (a store method: GetUser(ctx, id)).
func selectHelpers(s *scan) map[*types.Func]bool {
	if s.c.selects != nil {
		return s.c.selects
	}
	s.c.selects = map[*types.Func]bool{}
	for i, f := range s.c.Files {
		fs := &scan{c: s.c, fi: i, file: f, tf: s.c.Fset.File(f.Pos()), src: s.c.Sources[i].Src}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, _ := s.info().Defs[fd.Name].(*types.Func)
			if fn == nil {
				continue
			}
			if contains(fd.Body, true, func(m ast.Node) bool {
				c, ok := m.(*ast.CallExpr)
				if !ok {
					return false
				}
				i := queryArg(fs, c)
				return i >= 0 && isSelectText(fs, c.Args[i])
			}) {
				s.c.selects[fn] = true
			}
		}
	}
	return s.c.selects
}
