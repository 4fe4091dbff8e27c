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
