package sqlcheck

import (
	"go/ast"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/rule"
	"github.com/prodlint/prodlint/analyzers/internal/summary/sqlsum"
)

// loopQuery is a SELECT run through a call that returns rows, a candidate
// of sql-in-loop before its loops are looked at.
type loopQuery struct {
	p   *rule.Pass
	sc  *sqlCall
	st  statement
	ddl map[ast.Node]bool
}

// inLoopQuiet are the safe forms of a query, whatever loop it is in.
var inLoopQuiet = []rule.QuietForm[loopQuery]{
	{
		Name: "reads-no-table",
		Doc: "Reads of the database's catalog (information_schema, pg_catalog, sqlite_master), and a SELECT that " +
			"calls a function (SELECT fn($1), SELECT * FROM fn($1), also with the function's name computed: FROM " +
			"%s($1)), which may write.",
		Applies: func(q loopQuery) bool { return !q.st.readsTable() || q.st.readsCatalog() },
	},
	{
		Name: "schema-setup",
		Doc: "Functions that change the schema (CREATE, ALTER, DROP...: one-shot migration code), and migration code " +
			"by where it sits (a package whose import path has an element naming migrations, such as migrate or " +
			"migrations, or a function whose name contains migrat): it runs once, not per request.",
		Applies: func(q loopQuery) bool {
			return q.ddl[outermostFunc(q.sc.cursor)] || inMigrationCode(q.p, q.sc.cursor)
		},
	},
}

// fixedLoop is a range loop around a query whose arguments come from it.
type fixedLoop struct {
	p    *rule.Pass
	qt   *sqlsum.Texts
	loop inspector.Cursor
}

// fixedLoopQuiet is the safe form of a loop over a list that does not
// grow with the data.
var fixedLoopQuiet = []rule.QuietForm[fixedLoop]{
	{
		Name: "fixed-list",
		Doc: "Loops over a list fixed by the program or on disk: a composite literal, a variable defined only from one " +
			"(a package-level list the package never assigns) or a function of the package that only returns one, a " +
			"string split from a constant or an embedded file, a directory listing (os.ReadDir, fs.ReadDir, " +
			"embed.FS.ReadDir, Glob).",
		Applies: func(l fixedLoop) bool {
			r, ok := l.loop.Node().(*ast.RangeStmt)
			return ok && isFixedList(l.p, l.qt, r.X, l.loop, 0)
		},
	},
}

// inLoopCollected are the safe forms sql-in-loop decides while it collects
// candidates: the query or the loop is never one.
var inLoopCollected = rule.Collected(
	rule.Form{Name: "counted-loop", Doc: "Integer or counted loops (for i := 0; i < n; i++, range over an " +
		"integer), retry loops among them: their count does not grow with the data."},
	rule.Form{Name: "write-per-item", Fixture: "insertReturningEach", Doc: "Writes in loops: an INSERT or " +
		"UPDATE per item, INSERT ... RETURNING through QueryRow; batch writes in a transaction are often deliberate."},
	rule.Form{Name: "channel-loop", Fixture: "jobsFromChannel", Doc: "Loops over a channel: a worker handles " +
		"items as they arrive, there is no list to fetch in one query."},
	rule.Form{Name: "loop-invariant-args", Fixture: "sameQueryEachTime", Doc: "Queries whose bound arguments " +
		"do not change with the loop."},
	rule.Form{Name: "spread-args", Doc: "Queries whose arguments are spread (args...): which of them change " +
		"with the loop cannot be seen."},
	rule.Form{Name: "prepared-statement", Fixture: "preparedPerItem", Doc: "Prepared statements (Stmt.Query): " +
		"the SQL of a Stmt is not at the call site, and preparing once then running per item is the deliberate " +
		"batch idiom."},
)
