package sqlcheck

import (
	"go/ast"
	"go/types"

	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// rowsCloseQuiet are the safe forms of rows a call returns, a candidate
// of sql-rows-close.
var rowsCloseQuiet = []rule.QuietForm[*rowsResult]{
	{
		Name: "rows-closed",
		Doc: "The function calls Close on the rows anywhere: deferred, in a deferred closure, on each path, or passes " +
			"them to a helper as an interface with a Close method and no Next, Scan or Err (an io.Closer).",
		Applies: func(r *rowsResult) bool { return r.closed },
	},
	rowsHandedOn,
}

// txRows are rows read on a transaction, a candidate of sql-rows-close.
type txRows struct {
	p     *rule.Pass
	r     *rowsResult
	tx    *types.Var
	later bool // a statement runs on tx after the rows
}

// txRowsQuiet is the safe form of rows read on a transaction.
var txRowsQuiet = []rule.QuietForm[txRows]{
	{
		Name: "transaction-ends",
		Doc: "Rows from a database/sql or sqlx transaction, which database/sql closes when the transaction commits or " +
			"rolls back, when the function defers the transaction's Rollback (or Commit) and runs nothing else on it " +
			"after the query, or only after a for rows.Next() loop with no break or goto (it reads the rows to the " +
			"end, which closes them, or returns).",
		Applies: func(c txRows) bool { return !c.later && txEndsOnReturn(c.p.TypesInfo, c.r.cursor, c.tx) },
	},
}

// txProbe are rows discarded by an assignment (_, err := q(...)), a
// candidate of sql-rows-close.
type txProbe struct {
	p *rule.Pass
	r *rowsResult
}

// txProbeQuiet is the safe form of discarded rows.
var txProbeQuiet = []rule.QuietForm[txProbe]{
	{
		Name: "transaction-probe",
		Doc: "Rows discarded from a query on a database/sql or sqlx transaction whose error is kept (_, err := " +
			"tx.QueryContext(...)), a probe run for its error only (does this column or table exist?): database/sql " +
			"closes a transaction's rows when it commits or rolls back, so no pool connection is held beyond the " +
			"transaction; the same discard on a pool or a connection, or with the error dropped too, is still reported.",
		Applies: func(c txProbe) bool { return keepsError(c.r) && txOf(c.p.TypesInfo, c.r.call) != nil },
	},
}

// readProbeQuiet is the form of discarded rows of a read, off with
// probes = true.
var readProbeQuiet = []rule.QuietForm[txProbe]{
	{
		Name: "read-probe",
		Doc: "Rows discarded from a query whose SQL is known and only reads (every statement a SELECT from a table, " +
			"not from a function and with no FOR UPDATE or FOR SHARE) and whose " +
			"error is kept (_, err := db.Query(\"SELECT 1 FROM t LIMIT 1\")): a probe run for its error (does this " +
			"table exist, does the connection work?), which holds one connection where it runs once, at startup or in " +
			"a migration. A discarded statement that writes or maintains (Query(\"VACUUM\"), an INSERT), or whose " +
			"error is dropped too, is still reported; probes = true reports reads too.",
		Applies: func(c txProbe) bool { return keepsError(c.r) && onlyReads(c.p, c.r.call) },
	},
}

// onlyReads reports whether the SQL text of call is known and every
// statement of it is a SELECT that reads a table (not a function, which
// may write or take a lock) and locks no rows (FOR UPDATE, FOR SHARE).
func onlyReads(p *rule.Pass, call *ast.CallExpr) bool {
	for _, sc := range sqlCalls(p) {
		if sc.call != call {
			continue
		}
		stmts := sc.statements()
		for _, st := range stmts {
			if st.verb() != "SELECT" || !st.readsTable() || st.locksRows() {
				return false
			}
		}
		return len(stmts) > 0
	}
	return false
}

// keepsError reports whether the rows are discarded by an assignment that
// keeps the call's error in a variable: _, err := q(...).
func keepsError(r *rowsResult) bool {
	if r.assign == nil || len(r.assign.Lhs) != 2 {
		return false
	}
	id, ok := r.assign.Lhs[1].(*ast.Ident)
	return ok && id.Name != "_"
}

// rowsHandedOn is the form of rows the function hands on, shared by
// sql-rows-close and sql-rows-err: a helper that may read them may also
// close them and check their error.
var rowsHandedOn = rule.QuietForm[*rowsResult]{
	Name: "rows-handed-on",
	Doc: "The function hands the rows on: returns them, passes them to a helper that can read them (a scanner), " +
		"stores them in a field, a package variable, another variable or a literal; the helper or the caller owns " +
		"them. Rows passed only as an interface with no Next, Scan or Err method (an io.Closer, to a close-and-log " +
		"helper) are not handed on: that helper can close them and nothing else.",
	Applies: func(r *rowsResult) bool { return r.escaped || r.perRow },
}

// rowsHandedOnErr is rows-handed-on for sql-rows-err, where a per-row
// helper called inside the function's own loop does not take the Err
// check over: the function still runs the loop.
var rowsHandedOnErr = rule.QuietForm[*rowsResult]{
	Name: "rows-handed-on",
	Doc: "The function hands the rows on: returns them, passes them to a helper that can read them (a scanner), " +
		"stores them in a field, a package variable, another variable or a literal; the helper or the caller owns " +
		"them. Rows passed only as an interface with no Next, Scan or Err method (an io.Closer, to a close-and-log " +
		"helper), or only to a per-row helper inside the function's own for rows.Next() loop (scanRow(rows, &r)), " +
		"are not handed on: the function still runs the loop, so the Err check after it is still its own.",
	Applies: func(r *rowsResult) bool { return r.escaped },
}
