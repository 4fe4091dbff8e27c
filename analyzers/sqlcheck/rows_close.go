package sqlcheck

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/fix"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// RowsClose returns the sql-rows-close rule.
func RowsClose() *rule.Rule {
	return &rule.Rule{
		ID:       "sql-rows-close",
		Severity: config.SeverityError,
		Enabled:  true,
		Imports:  rowsImports,
		Doc: rule.Doc{
			Title: "report query result sets that are never closed",
			Why: "A health check ran a query on every probe and never closed the result; the connection pool was " +
				"exhausted within minutes and every request then waited for a connection that never came back. " +
				"*sql.Rows (and *sqlx.Rows, pgx.Rows) hold their connection until Close: a rows value dropped " +
				"before the end of the result, or on an early return, leaks that connection until the garbage " +
				"collector happens to finalize it.",
			Bad:  "rows, err := db.QueryContext(ctx, q)\nif err != nil {\n\treturn err\n}\nfor rows.Next() {\n\t// ...\n}",
			Good: "rows, err := db.QueryContext(ctx, q)\nif err != nil {\n\treturn err\n}\ndefer rows.Close()\nfor rows.Next() {\n\t// ...\n}",
			Quiet: "Follows every call that returns *sql.Rows, *sqlx.Rows or pgx.Rows. Quiet when the function calls " +
				"Close on the rows anywhere (deferred, in a deferred closure, on each path), or hands them on: " +
				"returns them, passes them to a helper (a closer or scanner), stores them in a field, a package " +
				"variable, another variable or a literal. Reports rows that are discarded (_ or an expression " +
				"statement: use Exec for statements that return no rows). It does not check that Close runs on " +
				"every path when it is not deferred.",
			Fix: "Inserts defer rows.Close() after the if err != nil check that follows the query, when that check " +
				"ends in a return and the query is not inside a loop.",
		},
		Run: runRowsClose,
	}
}

func runRowsClose(p *rule.Pass) error {
	for _, r := range rowsResults(p) {
		if r.closed || r.escaped {
			continue
		}
		api := callName(p, r.call)
		if r.discarded {
			p.Reportf(r.call, "the rows %s returns are discarded and never closed: each call leaks a pool "+
				"connection until the garbage collector finds it, and the pool runs dry under load; use Exec "+
				"for statements that return no rows, or keep the rows and defer rows.Close()", api)
			continue
		}
		p.Report(r.call, "rows from "+api+" are never closed: each call leaks a pool connection until the "+
			"garbage collector finds it, and the pool runs dry under load (the health check that exhausted it "+
			"in minutes); defer "+r.v.Name()+".Close() right after the error check", r.deferCloseFix(p)...)
	}
	return nil
}

// deferCloseFix inserts "defer rows.Close()" after the error check that
// follows the query: rows, err := q(...); if err != nil { return ... }.
func (r *rowsResult) deferCloseFix(p *rule.Pass) []analysis.SuggestedFix {
	if r.assign == nil || r.assign.Tok != token.DEFINE && r.assign.Tok != token.ASSIGN || match.InLoop(r.cursor) {
		return nil
	}
	stmt, ok := r.cursor.Inspector().Root().FindNode(r.assign)
	if !ok {
		return nil
	}
	next, ok := stmt.NextSibling()
	if !ok {
		return nil
	}
	check, ok := next.Node().(*ast.IfStmt)
	if !ok || check.Init != nil || check.Else != nil || !isErrNotNil(p, check.Cond, r.assign) || !endsInReturn(check.Body) {
		return nil
	}
	indent := fix.Indent(p.Fset, r.assign.Pos())
	return []analysis.SuggestedFix{fix.New("Defer "+r.v.Name()+".Close() after the error check",
		fix.Insert(check.End(), "\n"+indent+"defer "+r.v.Name()+".Close()"))}
}

// isErrNotNil reports whether cond is err != nil for the error the
// assignment receives.
func isErrNotNil(p *rule.Pass, cond ast.Expr, assign *ast.AssignStmt) bool {
	b, ok := cond.(*ast.BinaryExpr)
	if !ok || b.Op != token.NEQ || len(assign.Lhs) != 2 || !p.TypesInfo.Types[b.Y].IsNil() {
		return false
	}
	errVar := match.Var(p.TypesInfo, assign.Lhs[1])
	return errVar != nil && match.Var(p.TypesInfo, b.X) == errVar
}

func endsInReturn(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	_, ok := b.List[len(b.List)-1].(*ast.ReturnStmt)
	return ok
}
