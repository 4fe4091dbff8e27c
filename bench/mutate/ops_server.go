package main

import (
	"go/ast"
	"go/types"
	"regexp"
	"strings"
)

// --- server-timeout, no-graceful-shutdown

// opListenDefault serves through the package-level http.ListenAndServe
// (or ListenAndServeTLS, Serve, ServeTLS) with the server's address and
// handler instead of through the server: its timeouts, and the server a
// Shutdown could stop, are gone. listen-default-main does it in package
// main only, where no-graceful-shutdown looks.
func opListenDefault(s *scan, op *operator, n ast.Node) {
	call, ok := n.(*ast.CallExpr)
	if !ok {
		return
	}
	fn := s.callee(call)
	if !isMethod(fn, httpPkg, "Server", "ListenAndServe", "ListenAndServeTLS", "Serve", "ServeTLS") {
		return
	}
	if op.Name == "listen-default-main" && s.c.Pkg.Name != "main" {
		return
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return
	}
	switch ast.Unparen(sel.X).(type) {
	case *ast.Ident, *ast.SelectorExpr:
	default:
		return // a literal or a call: its address and handler cannot be named twice
	}
	name, need, ok := s.importName(httpPkg, "http")
	if !ok {
		return
	}
	srv := s.text(sel.X)
	args := make([]string, len(call.Args))
	for i, a := range call.Args {
		args[i] = s.text(a)
	}
	var repl string
	switch fn.Name() {
	case "ListenAndServe":
		repl = name + ".ListenAndServe(" + srv + ".Addr, " + srv + ".Handler)"
	case "ListenAndServeTLS":
		repl = name + ".ListenAndServeTLS(" + srv + ".Addr, " + args[0] + ", " + args[1] + ", " + srv + ".Handler)"
	case "Serve":
		repl = name + ".Serve(" + args[0] + ", " + srv + ".Handler)"
	case "ServeTLS":
		repl = name + ".ServeTLS(" + args[0] + ", " + srv + ".Handler, " + args[1] + ", " + args[2] + ")"
	}
	s.add(op, call, []edit{s.replace(call, repl)}, imports(need, httpPkg)...)
}

// --- migration-lock

var (
	concurrently = regexp.MustCompile(`(?i)(\bINDEX)\s+CONCURRENTLY\b`)
	notValid     = regexp.MustCompile(`(?i)\s+NOT\s+VALID\b`)
)

// opMigrationDrop deletes the word that makes a PostgreSQL migration
// statement run without a long lock: CONCURRENTLY of a CREATE INDEX, NOT
// VALID of an ADD CONSTRAINT, in the SQL text literal of a call.
func opMigrationDrop(s *scan, op *operator, n ast.Node) {
	call, _, lit, v, ok := queryText(s, n)
	if !ok || !isExecCall(s, call) {
		return
	}
	var nv string
	switch op.Name {
	case "concurrently-drop":
		if !strings.Contains(strings.ToUpper(v), "CREATE") {
			return
		}
		nv = concurrently.ReplaceAllString(v, "$1")
	case "not-valid-drop":
		nv = notValid.ReplaceAllString(v, "")
	}
	if nv == v {
		return
	}
	s.add(op, lit, []edit{s.replace(lit, requote(lit.Value, nv))})
}

// --- ignore-directive

// opIgnoreStale writes a //prodlint:ignore directive with a reason above the
// first statement of a function, where the rule it names has no finding: a
// stale suppression that would hide the next real finding on that line.
func opIgnoreStale(s *scan, op *operator, n ast.Node) {
	fd, ok := n.(*ast.FuncDecl)
	if !ok || fd.Body == nil || len(fd.Body.List) == 0 {
		return
	}
	st := fd.Body.List[0]
	switch st.(type) {
	case *ast.AssignStmt, *ast.ExprStmt, *ast.IfStmt, *ast.ReturnStmt:
	default:
		return
	}
	if s.tf.Line(st.Pos()) == s.tf.Line(fd.Body.Lbrace) {
		return
	}
	for _, cg := range s.file.Comments {
		if cg.Pos() > fd.Body.Lbrace && cg.End() < st.Pos() {
			return // keep the comments where they are
		}
	}
	o := s.off(s.tf.LineStart(s.tf.Line(st.Pos())))
	indent := string(s.src[o:s.off(st.Pos())])
	s.add(op, st, []edit{{o, o, indent + "//prodlint:ignore sql-like-wildcard the pattern is a prefix match\n"}})
}

// --- request-body-unbounded: middleware

// opMaxBytesMiddleware deletes the body limit of a middleware: the
// `r.Body = http.MaxBytesReader(w, r.Body, n)` of a function that takes or
// returns an http.Handler (or an http.HandlerFunc), or an
// http.MaxBytesHandler(h, n) call replaced by h. Every handler the package
// serves behind it reads an unlimited body; the finding lands in those
// handlers, so a report outside the mutated function counts as elsewhere.
func opMaxBytesMiddleware(s *scan, op *operator, n ast.Node) {
	switch x := n.(type) {
	case *ast.CallExpr:
		if isFunc(s.callee(x), httpPkg, "MaxBytesHandler") && len(x.Args) == 2 && readsBodies(s) {
			s.add(op, x, []edit{s.replace(x, s.text(x.Args[0]))})
		}
	case *ast.AssignStmt:
		if len(x.Lhs) != 1 || len(x.Rhs) != 1 {
			return
		}
		call, ok := ast.Unparen(x.Rhs[0]).(*ast.CallExpr)
		if !ok || !isFunc(s.callee(call), httpPkg, "MaxBytesReader") || len(call.Args) != 3 {
			return
		}
		if readsBodyAfter(s, call.Args[1], x.End()) || !inMiddleware(s) || !readsBodies(s) {
			return // maxbytes-delete's site, no middleware, or no handler behind it here
		}
		if e, ok := s.deleteStmt(x); ok {
			s.add(op, x, e)
		}
	}
}

// inMiddleware: a function on the stack takes or returns an http.Handler or
// http.HandlerFunc, or is a ServeHTTP method that hands the request to
// another http.Handler (a middleware type wrapping the next handler).
func inMiddleware(s *scan) bool {
	for i := len(s.stack) - 1; i >= 0; i-- {
		var ft *ast.FuncType
		switch f := s.stack[i].(type) {
		case *ast.FuncDecl:
			ft = f.Type
			if f.Recv != nil && f.Name.Name == "ServeHTTP" && f.Body != nil && contains(f.Body, false, func(m ast.Node) bool {
				call, ok := m.(*ast.CallExpr)
				return ok && (isMethod(s.callee(call), httpPkg, "Handler", "ServeHTTP") || isMethod(s.callee(call), httpPkg, "HandlerFunc", "ServeHTTP"))
			}) {
				return true
			}
		case *ast.FuncLit:
			ft = f.Type
		default:
			continue
		}
		for _, fl := range []*ast.FieldList{ft.Params, ft.Results} {
			if fl == nil {
				continue
			}
			for _, f := range fl.List {
				if isType(s.typeOf(f.Type), httpPkg, "Handler", "HandlerFunc") {
					return true
				}
			}
		}
	}
	return false
}

// --- pool-per-request: a database pool

// opSQLOpenPerRequest opens the pool the handler (or the loop) queries on
// every request (every element): a query through a shared *sql.DB (a
// field, a package variable, a parameter) goes through a pool the mutant
// opens with sql.Open in the statement before it, with the driver name of
// the package's own sql.Open call when it has one.
func opSQLOpenPerRequest(s *scan, op *operator, n ast.Node) {
	call, ok := n.(*ast.CallExpr)
	if !ok {
		return
	}
	fn := s.callee(call)
	if fn == nil || !isMethod(fn, sqlPkg, "DB", "Query", "QueryContext", "QueryRow", "QueryRowContext", "Exec", "ExecContext", "Begin", "BeginTx", "Prepare", "PrepareContext") {
		return
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || !isType(s.typeOf(sel.X), sqlPkg, "DB") {
		return
	}
	if _, isPtr := s.typeOf(sel.X).(*types.Pointer); !isPtr {
		return // an embedded or promoted pool: no *sql.DB to replace
	}
	if op.Name == "sql-open-in-handler" {
		ft, _ := s.innermostFunc()
		if ft == nil || !isHandler(s, ft) {
			return
		}
	} else if loop, _ := s.enclosingLoop(); loop == nil {
		return
	}
	st := blockStmt(s)
	if st == nil {
		return
	}
	if _, isDecl := st.(*ast.DeclStmt); isDecl {
		return
	}
	name, need, ok := s.importName(sqlPkg, "sql")
	if !ok {
		return
	}
	o := s.off(st.Pos())
	open := "perCallDB, _ := " + name + ".Open(\"postgres\", \"\")\n"
	s.add(op, call, []edit{{o, o, open}, s.replace(sel.X, "perCallDB")}, imports(need, sqlPkg)...)
}

// --- no-graceful-shutdown: an abrupt close

// opShutdownToClose replaces the graceful srv.Shutdown(ctx) of package
// main by srv.Close(), which drops the connections of the requests in
// flight instead of letting them finish.
func opShutdownToClose(s *scan, op *operator, n ast.Node) {
	call, ok := n.(*ast.CallExpr)
	if !ok || !isMethod(s.callee(call), httpPkg, "Server", "Shutdown") || s.c.Pkg.Name != "main" {
		return
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return
	}
	s.add(op, call, []edit{s.replace(call, s.text(sel.X)+".Close()")})
}

// readsBodies: a handler of the package (a function of an
// http.ResponseWriter and an *http.Request) passes its request's Body to a
// call. A middleware of a package with no such handler limits the bodies
// of other packages' handlers, where the analysis of this package cannot
// see the missing limit.
func readsBodies(s *scan) bool {
	if s.c.bodies != nil {
		return *s.c.bodies
	}
	found := false
	for _, f := range s.c.Files {
		ast.Inspect(f, func(m ast.Node) bool {
			if found {
				return false
			}
			var ft *ast.FuncType
			var body *ast.BlockStmt
			switch fn := m.(type) {
			case *ast.FuncDecl:
				ft, body = fn.Type, fn.Body
			case *ast.FuncLit:
				ft, body = fn.Type, fn.Body
			default:
				return true
			}
			if body == nil || !isHandler(s, ft) {
				return true
			}
			found = contains(body, true, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return false
				}
				for _, a := range call.Args {
					if sel, ok := ast.Unparen(a).(*ast.SelectorExpr); ok && sel.Sel.Name == "Body" && isType(s.typeOf(sel.X), httpPkg, "Request") {
						return true
					}
				}
				return false
			})
			return true
		})
	}
	s.c.bodies = &found
	return found
}
