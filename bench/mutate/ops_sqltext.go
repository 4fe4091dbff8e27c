package main

import (
	"go/ast"
	"go/token"
	"go/types"
	"regexp"
	"strconv"
	"strings"
)

// sqlTextLit returns the string literal that holds the SQL text e names, in
// the file being scanned: the literal itself, a named constant declared in
// the file with a literal value, or a local variable defined once from a
// literal and never assigned again. The edits of an operator stay in one
// file, so a text declared elsewhere is not followed.
func sqlTextLit(s *scan, e ast.Expr) (*ast.BasicLit, string, bool) {
	var lit *ast.BasicLit
	switch x := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		lit = x
	case *ast.Ident:
		obj := s.info().Uses[x]
		if obj == nil || obj.Pos() < s.file.Pos() || obj.Pos() > s.file.End() {
			return nil, "", false
		}
		switch obj.(type) {
		case *types.Const, *types.Var:
		default:
			return nil, "", false
		}
		assigned := 0
		ast.Inspect(s.file, func(m ast.Node) bool {
			switch d := m.(type) {
			case *ast.ValueSpec:
				for i, n := range d.Names {
					if s.info().Defs[n] == obj && len(d.Values) == len(d.Names) {
						lit, _ = ast.Unparen(d.Values[i]).(*ast.BasicLit)
					}
				}
			case *ast.AssignStmt:
				for i, l := range d.Lhs {
					id, ok := l.(*ast.Ident)
					if !ok {
						continue
					}
					if s.info().Defs[id] == obj && len(d.Rhs) == len(d.Lhs) {
						lit, _ = ast.Unparen(d.Rhs[i]).(*ast.BasicLit)
					} else if s.info().Uses[id] == obj {
						assigned++
					}
				}
			case *ast.UnaryExpr:
				if id, ok := d.X.(*ast.Ident); ok && d.Op == token.AND && s.info().Uses[id] == obj {
					assigned++
				}
			}
			return true
		})
		if assigned > 0 {
			return nil, "", false
		}
	}
	if lit == nil || lit.Kind != token.STRING {
		return nil, "", false
	}
	v, err := strconv.Unquote(lit.Value)
	if err != nil {
		return nil, "", false
	}
	return lit, v, true
}

// queryText is the call's SQL argument index, its literal and its text.
func queryText(s *scan, n ast.Node) (*ast.CallExpr, int, *ast.BasicLit, string, bool) {
	call, ok := n.(*ast.CallExpr)
	if !ok {
		return nil, 0, nil, "", false
	}
	i := queryArg(s, call)
	if i < 0 {
		return nil, 0, nil, "", false
	}
	lit, v, ok := sqlTextLit(s, call.Args[i])
	return call, i, lit, v, ok
}

// isExecCall: the call runs SQL for its effect (Exec, ExecContext,
// MustExec), the calls migration-lock reads.
func isExecCall(s *scan, call *ast.CallExpr) bool {
	fn := s.callee(call)
	if fn == nil {
		return false
	}
	switch fn.Name() {
	case "Exec", "ExecContext", "MustExec", "MustExecContext":
	default:
		return false
	}
	p, _ := named(recvType(fn))
	for _, api := range sqlAPIs {
		if strings.HasPrefix(p, api) {
			return true
		}
	}
	return false
}

// fromSQLAPI: fn is a function or method of database/sql, sqlx or pgx.
func fromSQLAPI(fn *types.Func) bool {
	p := ""
	if fn.Pkg() != nil {
		p = fn.Pkg().Path()
	}
	if rp, _ := named(recvType(fn)); rp != "" {
		p = rp
	}
	for _, api := range sqlAPIs {
		if strings.HasPrefix(p, api) {
			return true
		}
	}
	return false
}

func recvType(fn *types.Func) types.Type {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return nil
	}
	return sig.Recv().Type()
}

// --- migration-lock

var (
	createIndex = regexp.MustCompile(`(?is)\bCREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:IF\s+NOT\s+EXISTS\s+)?[\w."]+\s+ON\s+(?:ONLY\s+)?([\w."]+)[^;]*;?`)
	createTable = regexp.MustCompile(`(?is)\bCREATE\s+(?:UNLOGGED\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?([\w."]+)`)
)

// opIndexSplit moves a CREATE INDEX out of the SQL text that creates its
// table (where the table is new and empty, so the index build locks
// nothing) into an Exec of its own after it: the shape of an index a later
// migration adds to a table that already holds the data, built without
// CONCURRENTLY. PostgreSQL only: SQLite packages (by path) are left alone.
func opIndexSplit(s *scan, op *operator, n ast.Node) {
	call, i, lit, v, ok := queryText(s, n)
	if !ok || !isExecCall(s, call) || call.Ellipsis.IsValid() || strings.Contains(strings.ToLower(s.c.Pkg.PkgPath), "sqlite") {
		return
	}
	created := map[string]bool{}
	for _, m := range createTable.FindAllStringSubmatch(v, -1) {
		created[strings.ToLower(strings.Trim(m[1], `"`))] = true
	}
	if len(created) == 0 {
		return
	}
	st := blockStmt(s)
	if st == nil {
		return
	}
	for _, m := range createIndex.FindAllStringSubmatchIndex(v, -1) {
		table := strings.ToLower(strings.Trim(v[m[2]:m[3]], `"`))
		if !created[table] || strings.Contains(strings.ToUpper(v[m[0]:m[1]]), "CONCURRENTLY") {
			continue
		}
		index := strings.TrimSpace(v[m[0]:m[1]])
		rest := v[:m[0]] + v[m[1]:]
		args := make([]string, len(call.Args))
		for k, a := range call.Args {
			args[k] = s.text(a)
		}
		args[i] = strconv.Quote(index)
		split := "\n_, _ = " + s.text(call.Fun) + "(" + strings.Join(args, ", ") + ")\n"
		o := s.off(st.End())
		s.add(op, call, []edit{s.replace(lit, requote(lit.Value, rest)), {o, o, split}})
		s.setVia(s.via(call, sqlAPIs...))
		return
	}
}

// blockStmt is the innermost statement of a statement list that holds the
// node being scanned, when it is one a statement can follow (not a return,
// a branch or a labelled statement), or nil.
func blockStmt(s *scan) ast.Stmt {
	for i := len(s.stack) - 1; i > 0; i-- {
		if _, ok := s.stack[i].(*ast.FuncLit); ok {
			return nil
		}
		switch s.stack[i-1].(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			switch st := s.stack[i].(type) {
			case *ast.ExprStmt, *ast.AssignStmt, *ast.IfStmt, *ast.DeclStmt:
				return st.(ast.Stmt)
			}
			return nil
		}
	}
	return nil
}

// --- sql-like-wildcard

var eqPlaceholder = regexp.MustCompile(`(?i)([\w."]+)\s*=\s*(\$(\d+)|\?)`)

// opLikeContains turns an exact match on a bound string (name = $1) into
// the search box that scans the table: name LIKE $1, with "%" + q + "%"
// bound to it.
func opLikeContains(s *scan, op *operator, n ast.Node) {
	call, i, lit, v, ok := queryText(s, n)
	if !ok || call.Ellipsis.IsValid() || !strings.HasPrefix(strings.ToUpper(strings.TrimSpace(v)), "SELECT") || readsCatalog(strings.ToUpper(v)) {
		return // a search runs on the application's tables, not the catalog
	}
	if fn := s.callee(call); fn == nil || !fromSQLAPI(fn) {
		return // a CQL session, a wrapper of the module: not the SQL APIs the rule knows
	}
	args := call.Args[i+1:]
	for _, m := range eqPlaceholder.FindAllStringSubmatchIndex(v, -1) {
		k := -1
		if m[6] >= 0 {
			k, _ = strconv.Atoi(v[m[6]:m[7]])
			k--
		} else {
			k = strings.Count(v[:m[4]], "?")
		}
		if k < 0 || k >= len(args) || strings.Contains(strings.ToUpper(v[:m[0]]), "WHERE") == false {
			continue
		}
		a := args[k]
		b, ok := s.typeOf(a).(*types.Basic)
		if !ok || b.Kind() != types.String {
			continue // a named string type would need a conversion
		}
		if tv := s.info().Types[a]; tv.Value != nil {
			continue // a constant, not a search term
		}
		nv := v[:m[0]] + v[m[2]:m[3]] + " LIKE " + v[m[4]:m[5]] + v[m[1]:]
		s.add(op, call, []edit{s.replace(lit, requote(lit.Value, nv)), s.replace(a, `"%" + `+s.text(a)+` + "%"`)})
		s.setVia(s.via(call, sqlAPIs...))
		return
	}
}
