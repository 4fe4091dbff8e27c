package sqlcheck

import (
	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// SelectStar returns the sql-select-star rule.
func SelectStar() *rule.Rule {
	return &rule.Rule{
		ID:       "sql-select-star",
		Severity: config.SeverityWarning,
		Enabled:  true,
		Imports:  sqlImports,
		Requires: sqlRequires,
		Doc: rule.Doc{
			Title: "report SELECT * in queries sent from Go",
			Why: "A query that needs three columns of a wide table but asks for all of them makes the database read, " +
				"the network carry and the driver decode every column, including the large ones nobody uses, on " +
				"every request. " +
				"SELECT * also couples the code to the table's shape: the day a migration adds a column, every " +
				"rows.Scan with a fixed list of destinations fails (\"expected 5 destination arguments in Scan, " +
				"not 4\") and sqlx struct scans fail on the unknown column, in production, at deploy time.",
			Bad:   "rows, err := db.QueryContext(ctx, \"SELECT * FROM users WHERE id = $1\", id)",
			Good:  "rows, err := db.QueryContext(ctx, \"SELECT id, name, email FROM users WHERE id = $1\", id)",
			Quiet: selectStarQuiet,
		},
		Run: runSelectStar,
	}
}

const selectStarQuiet = "Looks at the SQL text that reaches database/sql, sqlx and pgx query and exec calls as a " +
	"constant (a literal, a named constant, a concatenation, a fmt.Sprintf format, a local variable defined " +
	"once from one of those), also when the text is held in another function or package: a package-level " +
	"value of this or another package never assigned after its declaration (a string variable; an element " +
	"of a slice, array or map of strings by constant index or key, every element for a computed key or a " +
	"range variable over it; a string field of a struct value or of the elements of a table of structs " +
	"ranged over), and the result of a function that returns only constant text. Each such value's text " +
	"is recorded where it is declared and read where the query is sent. Reports only a bare * item in the select list of the top-level query (SELECT *, " +
	"SELECT DISTINCT *, SELECT id, *, each member of a top-level UNION). Quiet on count(*), EXISTS (SELECT * " +
	"...), subqueries and CTE bodies (the planner prunes their columns), qualified stars (t.*, a deliberate " +
	"choice of one table's columns), INSERT ... SELECT *, CREATE VIEW ... AS SELECT *, RETURNING *, and on " +
	"anything inside SQL comments, string literals, quoted identifiers and dollar-quoted bodies."

func runSelectStar(p *rule.Pass) error {
	for _, sc := range sqlCalls(p) {
		for _, st := range sc.statements() {
			if len(st.selectStars()) == 0 {
				continue
			}
			p.Reportf(sc.query, "SELECT * fetches every column of the table: the database, the network and the driver "+
				"carry columns the code never reads, and the day a "+
				"migration adds a column, rows.Scan fails on the column count; list the columns the code uses")
			break
		}
	}
	return nil
}
