package main

import (
	"go/ast"
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
	_, lit, v, ok := queryLiteral(s, n)
	if !ok {
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
