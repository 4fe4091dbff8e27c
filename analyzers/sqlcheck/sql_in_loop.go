package sqlcheck

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/apis"
	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
	"github.com/prodlint/prodlint/analyzers/internal/summary/sqlsum"
)

// InLoop returns the sql-in-loop rule.
func InLoop() *rule.Rule {
	return &rule.Rule{
		ID:       "sql-in-loop",
		Severity: config.SeverityWarning,
		Enabled:  false, // opt-in: on real code its loops are mostly over fixed or configured sets it cannot tell from growing data
		Requires: sqlRequires,
		Doc: rule.Doc{
			Title: "report SELECTs run once per row or element of a loop (N+1 queries)",
			Why: "A loop that runs one query per row turns a list of 1,000 orders into 1,001 round trips, each a " +
				"few milliseconds of network and a pool connection, so the page is slow on a good day and " +
				"exhausts the pool under load. The N+1 pattern grows with the " +
				"data, so it passes every test on a small database and fails in production.",
			Bad: "for rows.Next() {\n\trows.Scan(&o.ID, &o.CustomerID)\n" +
				"\tdb.QueryRowContext(ctx, \"SELECT name FROM customers WHERE id = $1\", o.CustomerID).Scan(&o.Customer)\n}",
			Good: "rows, err := db.QueryContext(ctx, `SELECT o.id, c.name FROM orders o\n" +
				"\tJOIN customers c ON c.id = o.customer_id`)",
			Scope: "Off by default (enable it in rules.toml to audit a code base): on real code the loops it finds " +
				"are mostly over sets fixed by the program or its configuration (schema migrations, a table of " +
				"statements, the configured shards or partitions), whose size does not " +
				"grow with the data, and a loop over a configured list looks, in the code, like a loop over data. " +
				"When enabled, it reports a query that returns rows (Query, QueryRow, sqlx Get/Select, pgx Query/QueryRow) whose " +
				"SQL text is known and is a SELECT that reads a table, inside a loop over data that grows with " +
				"the data: a for rows.Next() loop over another result set, or a range over a slice, array or map " +
				"that comes from the data (a parameter, a request's list, a page of ids, a list filled from rows), " +
				"when one of its bound arguments comes from the loop (the range variables, or values the body " +
				"scans or computes). It follows helpers too: a call, in such a loop, of a function of this or another " +
				"package analyzed with it that runs such a query (itself or through the functions it calls) with a " +
				"bound argument taken from a parameter the loop passes a changing value to (entryExists(tx, id) per " +
				"row); helpers that also write (an Exec, such as a check then insert) count as a write per item, " +
				"and helpers in migration code are left out as schema-setup says. A read per item through a " +
				"prepared statement is still N+1, but it is not a candidate (prepared-statement).",
		},
		Quiet: rule.Declare(inLoopCollected, rule.Forms(inLoopQuiet), rule.Forms(fixedLoopQuiet)),
		Run:   runInLoop,
	}
}

func runInLoop(p *rule.Pass) error {
	if !importsAny(p.Pkg, sqlImports) && !summaries(p).ImportsQueries() {
		return nil // no query API here, and no imported function that runs a query for its caller
	}
	calls := sqlCalls(p)
	ddl := ddlFuncs(calls)
	qt := sqlsum.NewTexts(p.TypesInfo, summaries(p))
	for _, sc := range calls {
		if sc.kind != sinkQuery || sc.args == nil {
			if p.Explaining() {
				decideCollected(p, sc.call, notReadForm(p.TypesInfo, sc))
			}
			continue
		}
		sts := sc.statements()
		if len(sts) != 1 || sts[0].verb() != "SELECT" {
			if p.Explaining() {
				decideCollected(p, sc.call, notReadForm(p.TypesInfo, sc))
			}
			continue
		}
		if rule.Quiet(p, sc.call, inLoopQuiet, loopQuery{p, sc, sts[0], ddl}) {
			continue
		}
		var passed []string // the forms of the loops passed over, for -explain
		reported := false
		for _, loop := range match.EnclosingLoops(sc.cursor) {
			over := loopOver(p.TypesInfo, loop.Node())
			if over == "" || !argsFromLoop(p.TypesInfo, loop.Node(), sc.args) {
				if p.Explaining() {
					passed = append(passed, loopForm(p.TypesInfo, loop.Node(), over))
				}
				continue
			}
			if rule.Quiet(p, sc.call, fixedLoopQuiet, fixedLoop{p, qt, loop}) {
				continue
			}
			p.Reportf(sc.call, "%s runs a query for each %s (N+1): n items make n round trips and hold a pool "+
				"connection each time; fetch it with the outer query "+
				"(a JOIN), or load all of it in one query before the loop (WHERE id = ANY($1))", callName(p, sc.call), over)
			reported = true
			break
		}
		if !reported {
			decideCollected(p, sc.call, passed...)
		}
	}
	helperQueriesInLoop(p, qt, ddl)
	return nil
}

// helperQueriesInLoop reports calls, inside a loop over growing data, of
// a function (of this package or another) whose summary says it runs a
// row query bound to the arguments the loop passes it: the N+1 hidden in a
// helper (entryExists(tx, id) per row).
func helperQueriesInLoop(p *rule.Pass, qt *sqlsum.Texts, ddl map[ast.Node]bool) {
	sum := summaries(p)
	for c := range p.Index.Calls() {
		call := c.Node().(*ast.CallExpr)
		fn := match.Callee(p.TypesInfo, call)
		if fn == nil || !match.InLoop(c) {
			continue
		}
		if p.Explaining() && isPreparedQuery(fn) {
			if loopOverDataFrom(p.TypesInfo, c, call.Args) {
				rule.Decided(p, call, "prepared-statement")
			}
			continue
		}
		if _, _, isAPI := apis.QueryOf(fn); isAPI {
			continue // a query call itself: judged above
		}
		f := sum.Func(fn)
		if f == nil || len(f.Queries) == 0 {
			continue
		}
		// A helper that takes spread arguments, also writes, or is
		// migration code is never a candidate; -explain names which.
		var form string
		switch {
		case call.Ellipsis.IsValid():
			form = "spread-args"
		case f.Writes:
			form = "write-per-item"
		case migrationPath(fn.Pkg().Path()) || strings.Contains(strings.ToLower(fn.Name()), "migrat") ||
			ddl[outermostFunc(c)] || inMigrationCode(p, c):
			form = "schema-setup"
		}
		if form != "" {
			if p.Explaining() && helperReadsPerItem(p.TypesInfo, c, f.Queries, form == "spread-args") {
				rule.Decided(p, call, form)
			}
			continue
		}
		var passed []string // the forms of the loops passed over, for -explain
		reported := false
		for _, q := range f.Queries {
			if !perItemRead(q.Text) {
				continue
			}
			forms, ok := reportInLoop(p, qt, c, helperArgs(call, q), func(over string) {
				p.Reportf(call, "%s runs a query (%s) for each %s (N+1): n items make n round trips and hold a pool "+
					"connection each time; fetch it with the outer query (a JOIN), or load all of it in one query "+
					"before the loop (WHERE id = ANY($1))", callName(p, call), q.Via, over)
			})
			passed = append(passed, forms...)
			if ok {
				reported = true
				break
			}
		}
		if !reported {
			decideCollected(p, call, passed...)
		}
	}
}

// helperArgs returns the arguments of call that the helper binds to the
// query q.
func helperArgs(call *ast.CallExpr, q sqlsum.Query) []ast.Expr {
	var args []ast.Expr
	for _, i := range q.Params {
		if i < len(call.Args) {
			args = append(args, call.Args[i])
		}
	}
	return args
}

// perItemRead reports whether text is one SELECT that reads a table
// (not a function call, not the catalog): what a per-item query must be.
func perItemRead(text string) bool {
	sts := statements(tokenize(text))
	return len(sts) == 1 && sts[0].verb() == "SELECT" && sts[0].readsTable() && !sts[0].readsCatalog()
}

// reportInLoop calls report with what the innermost qualifying loop
// around c iterates, when args come from it and it is over growing data.
// When it does not, and the driver asked for explanations, it returns the
// Collected forms of the loops it passed over (loopForm).
func reportInLoop(p *rule.Pass, qt *sqlsum.Texts, c inspector.Cursor, args []ast.Expr, report func(over string)) ([]string, bool) {
	var passed []string
	for _, loop := range match.EnclosingLoops(c) {
		over := loopOver(p.TypesInfo, loop.Node())
		if over == "" || !argsFromLoop(p.TypesInfo, loop.Node(), args) {
			if p.Explaining() {
				passed = append(passed, loopForm(p.TypesInfo, loop.Node(), over))
			}
			continue
		}
		if rule.Quiet(p, c.Node(), fixedLoopQuiet, fixedLoop{p, qt, loop}) {
			continue
		}
		report(over)
		return nil, true
	}
	return passed, false
}

// ddlFuncs returns the outermost functions that send a schema change
// (CREATE, ALTER, DROP...): schema setup and migration code, which runs once.
func ddlFuncs(calls []*sqlCall) map[ast.Node]bool {
	out := map[ast.Node]bool{}
	for _, sc := range calls {
		for _, st := range sc.statements() {
			if ddlVerbs[st.verb()] {
				out[outermostFunc(sc.cursor)] = true
			}
		}
	}
	return out
}

// inMigrationCode reports whether c sits in migration code by where it is:
// a package whose import path has an element naming migrations (migrate,
// migration, migrations, dbmigrate...), or a function whose name does
// (migrateUsers, MigrateV2): code that runs once per schema version, not
// once per request.
func inMigrationCode(p *rule.Pass, c inspector.Cursor) bool {
	if migrationPath(p.Pkg.Path()) {
		return true
	}
	for fc := range c.Enclosing((*ast.FuncDecl)(nil)) {
		if strings.Contains(strings.ToLower(fc.Node().(*ast.FuncDecl).Name.Name), "migrat") {
			return true
		}
	}
	return false
}

// migrationPath reports whether an import path has an element naming
// migrations.
func migrationPath(path string) bool {
	for _, elem := range strings.Split(path, "/") {
		if strings.Contains(strings.ToLower(elem), "migrat") {
			return true
		}
	}
	return false
}

var ddlVerbs = map[string]bool{"CREATE": true, "ALTER": true, "DROP": true, "TRUNCATE": true, "RENAME": true, "COMMENT": true}

// outermostFunc returns the outermost function declaration or literal
// around c, or nil at package level.
func outermostFunc(c inspector.Cursor) ast.Node {
	if fc := match.OutermostFunc(c); fc.Valid() {
		return fc.Node()
	}
	return nil
}

// isFixedList reports whether x, the operand of a range, is a list whose
// length is fixed by the program or by files on disk rather than by the
// data: a composite literal; a string split from a constant or an embedded
// file (a table of statements); a directory listing (migrations in an
// embedded directory); a call without arguments of a function of this
// package whose body only returns one of those; or a variable defined only
// from one of those (a local defined once, or a package-level variable the
// package never assigns).
func isFixedList(p *rule.Pass, qt *sqlsum.Texts, x ast.Expr, at inspector.Cursor, depth int) bool {
	if depth > 3 {
		return false
	}
	switch e := ast.Unparen(x).(type) {
	case *ast.CompositeLit:
		return true
	case *ast.CallExpr:
		fn := match.Callee(p.TypesInfo, e)
		switch {
		case match.IsFunc(fn, "strings", "Split", "SplitN", "Fields", "SplitSeq", "FieldsSeq"),
			match.IsFunc(fn, "bytes", "Split", "SplitN", "Fields", "SplitSeq", "FieldsSeq"):
			return len(e.Args) > 0 && isFixedText(p, e.Args[0])
		case match.IsFunc(fn, "os", "ReadDir"), match.IsFunc(fn, "io/fs", "ReadDir", "Glob"),
			match.IsFunc(fn, "path/filepath", "Glob"), match.IsMethod(fn, "embed", "FS", "ReadDir"),
			match.IsMethod(fn, "os", "File", "ReadDir", "Readdirnames", "Readdir"):
			return true
		}
		// tables(): a function of this package that only returns a fixed list.
		if fd := p.FuncDecl(fn); fd != nil && len(e.Args) == 0 && len(fd.Body.List) == 1 {
			if ret, ok := fd.Body.List[0].(*ast.ReturnStmt); ok && len(ret.Results) == 1 {
				return isFixedList(p, qt, ret.Results[0], at, depth+1)
			}
		}
	case *ast.Ident:
		v, ok := p.TypesInfo.Uses[e].(*types.Var)
		if !ok || v.Pkg() != p.Pkg {
			return false
		}
		if v.Parent() == p.Pkg.Scope() {
			def, ok := packageVarValue(p, v)
			return ok && def != nil && isFixedList(p, qt, def, at, depth+1)
		}
		if def := qt.SingleDefinition(e, at); def != nil {
			return isFixedList(p, qt, def, at, depth+1)
		}
	}
	return false
}

// isFixedText reports whether e is a constant string or a package-level
// variable holding an embedded file (//go:embed) that the package never
// assigns.
func isFixedText(p *rule.Pass, e ast.Expr) bool {
	if tv, ok := p.TypesInfo.Types[e]; ok && tv.Value != nil {
		return true
	}
	if conv, ok := ast.Unparen(e).(*ast.CallExpr); ok && len(conv.Args) == 1 {
		if tv, ok := p.TypesInfo.Types[conv.Fun]; ok && tv.IsType() {
			e = conv.Args[0] // string(schema), []byte(schema)
		}
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := p.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.Pkg() != p.Pkg || v.Parent() != p.Pkg.Scope() {
		return false
	}
	_, ok = packageVarValue(p, v)
	return ok && isEmbedded(p, v)
}

// packageVarValue returns the initial value of the package-level variable
// v, and whether the package never assigns v after its declaration (nor
// takes its address). The value is nil for a variable declared without one.
func packageVarValue(p *rule.Pass, v *types.Var) (ast.Expr, bool) {
	var def ast.Expr
	if c, ok := p.Index.Def(v); ok && c.ParentEdgeKind() == edge.ValueSpec_Names {
		if vs := c.Parent().Node().(*ast.ValueSpec); len(vs.Values) == len(vs.Names) {
			def = vs.Values[c.ParentEdgeIndex()]
		}
	}
	for _, use := range p.Index.Uses(v) {
		if storedInto(use) {
			return nil, false
		}
	}
	return def, true
}

// storedInto reports whether the variable used at c, or a field, element
// or pointee reached from it (v.f, v[i], *v), is stored into there:
// assigned, incremented or decremented, or has its address taken.
func storedInto(c inspector.Cursor) bool {
	for {
		switch c.ParentEdgeKind() {
		case edge.ParenExpr_X, edge.SelectorExpr_X, edge.IndexExpr_X, edge.StarExpr_X:
			c = c.Parent()
			continue
		case edge.AssignStmt_Lhs, edge.IncDecStmt_X:
			return true
		case edge.UnaryExpr_X:
			return c.Parent().Node().(*ast.UnaryExpr).Op == token.AND
		}
		return false
	}
}

// isEmbedded reports whether the package-level variable v is filled by a
// //go:embed directive.
func isEmbedded(p *rule.Pass, v *types.Var) bool {
	gd, vs, _, ok := p.Index.VarSpec(v)
	if !ok {
		return false
	}
	for _, doc := range []*ast.CommentGroup{vs.Doc, gd.Doc} {
		if doc == nil {
			continue
		}
		for _, c := range doc.List {
			if strings.HasPrefix(c.Text, "//go:embed ") {
				return true
			}
		}
	}
	return false
}

// loopOver describes what the loop iterates when it is a loop over another
// query's rows or over a collection, and returns "" otherwise.
func loopOver(info *types.Info, loop ast.Node) string {
	switch loop := loop.(type) {
	case *ast.ForStmt:
		call, ok := loop.Cond.(*ast.CallExpr)
		if !ok {
			return ""
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if ok && isRowsNext(info, call) {
			return "row of the " + types.ExprString(sel.X) + ".Next() loop around it"
		}
	case *ast.RangeStmt:
		t := info.TypeOf(loop.X)
		if t == nil {
			return ""
		}
		if ptr, ok := t.Underlying().(*types.Pointer); ok {
			t = ptr.Elem()
		}
		switch t.Underlying().(type) {
		case *types.Slice, *types.Array, *types.Map:
			return "element of the range over " + types.ExprString(loop.X) + " around it"
		}
	}
	return ""
}

// argsFromLoop reports whether a bound argument uses a value that changes
// with the loop: a range variable, or a variable the body declares,
// assigns or scans into.
func argsFromLoop(info *types.Info, loop ast.Node, args []ast.Expr) bool {
	varying := map[types.Object]bool{}
	if r, ok := loop.(*ast.RangeStmt); ok {
		for _, e := range []ast.Expr{r.Key, r.Value} {
			if v := match.Var(info, e); v != nil {
				varying[v] = true
			}
		}
	}
	ast.Inspect(loopBodyOf(loop), func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			if v, ok := info.Defs[n].(*types.Var); ok {
				varying[v] = true
			}
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				if v := rootVar(info, lhs); v != nil {
					varying[v] = true
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				if v := rootVar(info, n.X); v != nil {
					varying[v] = true // rows.Scan(&id), rows.Scan(&o.CustomerID)
				}
			}
		}
		return true
	})
	for _, arg := range args {
		found := false
		ast.Inspect(arg, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && varying[info.Uses[id]] {
				found = true
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// rootVar returns the variable at the root of x, x.f, x[i].
func rootVar(info *types.Info, e ast.Expr) *types.Var {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return match.Var(info, x)
		}
	}
}

func loopBodyOf(loop ast.Node) *ast.BlockStmt {
	if f, ok := loop.(*ast.ForStmt); ok {
		return f.Body
	}
	return loop.(*ast.RangeStmt).Body
}

// isRowsNext reports whether call is rows.Next() on a result set.
func isRowsNext(info *types.Info, call *ast.CallExpr) bool {
	fn := match.Callee(info, call)
	return fn != nil && (match.IsMethod(fn, "database/sql", "Rows", "Next") || match.IsMethod(fn, pgxPath, "Rows", "Next"))
}

// importsAny reports whether pkg imports one of paths directly.
func importsAny(pkg *types.Package, paths []string) bool {
	for _, path := range paths {
		if match.Imports(pkg, path) {
			return true
		}
	}
	return false
}
