package sqlcheck

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// InLoop returns the sql-in-loop rule.
func InLoop() *rule.Rule {
	return &rule.Rule{
		ID:       "sql-in-loop",
		Severity: config.SeverityWarning,
		Enabled:  true,
		Imports:  sqlImports,
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
			Quiet: "Reports a query that returns rows (Query, QueryRow, sqlx Get/Select, pgx Query/QueryRow) whose " +
				"SQL text is known and is a SELECT, inside a for rows.Next() loop over another result set or a " +
				"range over a slice, array or map, when one of its bound arguments comes from the loop (the " +
				"range variables, or values the body scans or computes). Quiet on writes in loops (an INSERT or " +
				"UPDATE per item, INSERT ... RETURNING through QueryRow: batch writes in a transaction are often " +
				"deliberate), on retry loops and loops over channels, on queries whose arguments do not change " +
				"with the loop, on spread arguments (args...), and on prepared statements (Stmt.Query): the " +
				"SQL of a Stmt is not at the call site, and preparing once then running per item is the " +
				"deliberate batch idiom, though a read per item through a Stmt is still N+1.",
		},
		Run: runInLoop,
	}
}

func runInLoop(p *rule.Pass) error {
	for _, sc := range sqlCalls(p) {
		if sc.kind != sinkQuery || sc.args == nil {
			continue
		}
		sts := sc.statements()
		if len(sts) != 1 || sts[0].verb() != "SELECT" {
			continue
		}
		for loop := range enclosingLoops(sc.cursor) {
			over := loopOver(p.TypesInfo, loop.Node())
			if over == "" || !argsFromLoop(p.TypesInfo, loop.Node(), sc.args) {
				continue
			}
			p.Reportf(sc.call, "%s runs a query for each %s (N+1): n items make n round trips and hold a pool "+
				"connection each time; fetch it with the outer query "+
				"(a JOIN), or load all of it in one query before the loop (WHERE id = ANY($1))", callName(p, sc.call), over)
			break
		}
	}
	return nil
}

// enclosingLoops yields the for and range statements whose body holds c,
// innermost first, within c's function.
func enclosingLoops(c inspector.Cursor) func(yield func(inspector.Cursor) bool) {
	return func(yield func(inspector.Cursor) bool) {
		child := c
		for p := c.Parent(); p.Node() != nil; child, p = p, p.Parent() {
			var body *ast.BlockStmt
			switch n := p.Node().(type) {
			case *ast.FuncDecl, *ast.FuncLit:
				return
			case *ast.ForStmt:
				body = n.Body
			case *ast.RangeStmt:
				body = n.Body
			}
			if body != nil && child.Node() == body && !yield(p) {
				return
			}
		}
	}
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
