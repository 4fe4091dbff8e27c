package sqlcheck

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/fix"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// RowsCloseOptions are sql-rows-close's rules.toml keys.
type RowsCloseOptions struct {
	Probes bool `toml:"probes" doc:"also report rows discarded from a query that only reads (a SELECT) whose error is kept (_, err := db.Query(\"SELECT 1 FROM t LIMIT 1\")): a probe run for its error, which real code runs once at startup or in a migration, so it holds one connection, not one per request (off by default: on modules the rule had never been tuned on, none of these findings was right)"`
}

// RowsClose returns the sql-rows-close rule.
func RowsClose() *rule.Rule {
	return &rule.Rule{
		ID:         "sql-rows-close",
		Severity:   config.SeverityError,
		Enabled:    true,
		Imports:    rowsImports,
		Requires:   sqlRequires,
		NewOptions: func() any { return &RowsCloseOptions{} },
		Doc: rule.Doc{
			Title: "report query result sets that are never closed",
			Why: "A health check ran a query on every probe and never closed the result; the connection pool was " +
				"exhausted within minutes and every request then waited for a connection that never came back. " +
				"*sql.Rows (and *sqlx.Rows, pgx.Rows) hold their connection until Close: a rows value dropped " +
				"before the end of the result, or on an early return, holds that connection until the query's " +
				"context ends, or for ever when it has none (rows have no finalizer).",
			Bad: "rows, err := db.QueryContext(ctx, q)\nif err != nil {\n\treturn err\n}\nfor rows.Next() {\n" +
				"\tif err := rows.Scan(&v); err != nil {\n\t\treturn err // the rows stay open\n\t}\n}",
			Good: "rows, err := db.QueryContext(ctx, q)\nif err != nil {\n\treturn err\n}\ndefer rows.Close()\n" +
				"for rows.Next() {\n\tif err := rows.Scan(&v); err != nil {\n\t\treturn err\n\t}\n}",
			Scope: "Follows every call that returns *sql.Rows, *sqlx.Rows or pgx.Rows. Reports rows that are discarded " +
				"(_ or an expression statement: use Exec for statements that return no rows). One rows variable assigned " +
				"in several branches (if/else) is reported once, at its first query. It does not check that Close runs on " +
				"every path when it is not deferred. Rows on a transaction that is still used after them are reported " +
				"with a message that says what the open rows hold (the transaction's connection, not a pool connection) " +
				"and that later statements on it run while a result set is open. A read whose rows are discarded and " +
				"whose error is kept (_, err := db.Query(\"SELECT ... LIMIT 1\"), a probe: does this table exist?) is " +
				"reported only with probes = true: on modules the rule had never been tuned on, such probes ran once at " +
				"startup or in a migration (0 of 6 findings right, 0 of 2 on a pool), while discarded rows of a statement " +
				"that writes or maintains (use Exec) and rows kept but not closed were right (3 of 3, and 6 of 6 on the " +
				"tuning set).",
			Fix: "Inserts defer rows.Close() after the if err != nil check that follows the query, when that check " +
				"ends in a return and the query is not inside a loop.",
		},
		Quiet: rule.Declare(rule.Forms(rowsCloseQuiet), rule.Forms(txRowsQuiet), rule.Forms(txProbeQuiet), rule.Forms(readProbeQuiet), rule.Forms(readToEndQuiet)),
		Run:   runRowsClose,
	}
}

func runRowsClose(p *rule.Pass) error {
	probes := rule.Options[RowsCloseOptions](p).Probes
	reported := map[*types.Var]bool{}
	for _, r := range rowsResults(p) {
		if rule.Quiet(p, r.call, rowsCloseQuiet, r) {
			continue
		}
		if r.v != nil {
			if reported[r.v] {
				continue // rows assigned in both branches of an if: one variable, one fix
			}
			reported[r.v] = true
		}
		api := callName(p, r.call)
		if r.discarded && rule.Quiet(p, r.call, txProbeQuiet, txProbe{p, r}) {
			continue
		}
		if r.discarded && !probes && rule.Quiet(p, r.call, readProbeQuiet, txProbe{p, r}) {
			continue
		}
		if r.discarded {
			p.Reportf(r.call, "the rows %s returns are discarded and never closed: each call holds a pool "+
				"connection until the query's context ends (for ever without one), and the pool runs dry under load; use Exec "+
				"for statements that return no rows, or keep the rows and defer rows.Close()", api)
			continue
		}
		if rule.Quiet(p, r.call, readToEndQuiet, readToEnd{p, r}) {
			continue
		}
		if tx := txOf(p.TypesInfo, r.call); tx != nil {
			later := usedAfter(p.TypesInfo, r.cursor, tx, drainedAt(r))
			if rule.Quiet(p, r.call, txRowsQuiet, txRows{p, r, tx, later}) {
				continue
			}
			what := "until " + tx.Name() + " commits or rolls back"
			if later {
				what += ", and the statements after them on " + tx.Name() + " run while a result set is still " +
					"open on its connection, which many drivers reject (commands out of sync, busy connection)"
			}
			p.Report(r.call, "rows from "+api+" are never closed: they hold the transaction's connection "+what+
				"; defer "+r.v.Name()+".Close() right after the error check", r.deferCloseFix(p)...)
			continue
		}
		p.Report(r.call, "rows from "+api+" are never closed: a return before the last row (a Scan error, an early exit) "+
			"leaves them holding a pool connection until the query's context ends (for ever without one), and the pool runs dry under load (the health check that exhausted it "+
			"in minutes); defer "+r.v.Name()+".Close() right after the error check", r.deferCloseFix(p)...)
	}
	return nil
}

// txOf returns the transaction variable a query runs on when it is a
// database/sql (or sqlx) transaction, whose rows database/sql closes when
// the transaction commits or rolls back; nil otherwise.
func txOf(info *types.Info, call *ast.CallExpr) *types.Var {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	v := match.Var(info, sel.X)
	if v == nil || !match.IsNamedOrPointer(v.Type(), "database/sql", "Tx") && !match.IsNamedOrPointer(v.Type(), sqlxPath, "Tx") {
		return nil
	}
	return v
}

// usedAfter reports whether the function that holds c uses tx, after c,
// for anything but ending it (Commit, Rollback).
func usedAfter(info *types.Info, c inspector.Cursor, tx *types.Var, drained token.Pos) bool {
	fn, ok := outermost(c)
	if !ok {
		return true
	}
	for ic := range fn.Preorder((*ast.Ident)(nil)) {
		id := ic.Node().(*ast.Ident)
		if id.Pos() <= c.Node().End() || info.Uses[id] != tx {
			continue
		}
		if drained.IsValid() && id.Pos() > drained {
			continue // after a loop that read the rows to the end: Next closed them
		}
		if sel, ok := ic.Parent().Node().(*ast.SelectorExpr); ok && (sel.Sel.Name == "Commit" || sel.Sel.Name == "Rollback") {
			continue
		}
		return true
	}
	return false
}

// drainedAt returns the end of the first for rows.Next() loop that reads
// the rows to the end (it has no break or goto: it leaves by returning or
// when Next returns false, which closes the rows), or token.NoPos.
func drainedAt(r *rowsResult) token.Pos {
	for _, loop := range r.loops {
		exits := false
		ast.Inspect(loop.Node(), func(n ast.Node) bool {
			if b, ok := n.(*ast.BranchStmt); ok && (b.Tok == token.BREAK || b.Tok == token.GOTO) {
				exits = true
			}
			return !exits
		})
		if !exits {
			return loop.Node().End()
		}
	}
	return token.NoPos
}

// txEndsOnReturn reports whether the function defers tx.Rollback() (or
// Commit), directly or in a deferred closure: the transaction, and with
// it its rows, ends when the function returns.
func txEndsOnReturn(info *types.Info, c inspector.Cursor, tx *types.Var) bool {
	fn, ok := outermost(c)
	if !ok {
		return false
	}
	for dc := range fn.Preorder((*ast.DeferStmt)(nil)) {
		ends := false
		ast.Inspect(dc.Node(), func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && match.Var(info, sel.X) == tx &&
					(sel.Sel.Name == "Rollback" || sel.Sel.Name == "Commit") {
					ends = true
				}
			}
			return !ends
		})
		if ends {
			return true
		}
	}
	return false
}

// outermost returns the outermost function around c.
func outermost(c inspector.Cursor) (inspector.Cursor, bool) {
	var fn inspector.Cursor
	for fc := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fn = fc
	}
	return fn, fn.Valid()
}

// deferCloseFix inserts "defer rows.Close()" after the error check that
// follows the query: rows, err := q(...); if err != nil { return ... }.
func (r *rowsResult) deferCloseFix(p *rule.Pass) []analysis.SuggestedFix {
	if r.assign == nil || r.assign.Tok != token.DEFINE && r.assign.Tok != token.ASSIGN || match.InLoop(r.cursor) {
		return nil
	}
	stmt, ok := match.CursorOf(r.cursor.Inspector().Root(), r.assign)
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
