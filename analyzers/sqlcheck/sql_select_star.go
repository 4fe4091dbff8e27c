package sqlcheck

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/index"
	"github.com/prodlint/prodlint/analyzers/internal/match"
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
			Scope: selectStarScope,
		},
		Quiet: rule.Declare(rule.Forms(selectStarQuietForms)),
		Run:   runSelectStar,
	}
}

const selectStarScope = "Looks at the SQL text that reaches database/sql, sqlx and pgx query and exec calls as a " +
	"constant (a literal, a named constant, a concatenation, a fmt.Sprintf format, a local variable defined " +
	"once from one of those), also when the text is held in another function or package: a package-level " +
	"value of this or another package never assigned after its declaration (a string variable; an element " +
	"of a slice, array or map of strings by constant index or key, every element for a computed key or a " +
	"range variable over it; a string field of a struct value or of the elements of a table of structs " +
	"ranged over), and the result of a function that returns only constant text. Each such value's text " +
	"is recorded where it is declared and read where the query is sent. Reports only a bare * item in the " +
	"select list of the top-level query (SELECT *, SELECT DISTINCT *, SELECT id, *, each member of a top-level " +
	"UNION), and a qualified star as its table's entry says. Text inside SQL comments, string literals, quoted " +
	"identifiers and dollar-quoted bodies is not read as SQL."

func runSelectStar(p *rule.Pass) error {
	for _, sc := range sqlCalls(p) {
		for _, st := range sc.statements() {
			if !st.hasStarItem() {
				continue
			}
			bare, qualified := st.selectListStars()
			c := starCandidate{p, sc, st, bare, qualified}
			if rule.Quiet(p, sc.query, selectStarQuietForms, c) {
				continue
			}
			if len(bare) > 0 {
				p.Reportf(sc.query, "SELECT * fetches every column of the table: the database, the network and the driver "+
					"carry columns the code never reads, and the day a "+
					"migration adds a column, rows.Scan fails on the column count; list the columns the code uses")
				break
			}
			if len(qualified) > 0 {
				p.Reportf(sc.query, "%s.* in a join is scanned into a fixed list of destinations: the day a migration adds a "+
					"column to that table, Scan fails on the column count in production; list the columns the code scans",
					qualifiedName(st, qualified[0]))
				break
			}
		}
	}
	return nil
}

// qualifiedName returns the table name or alias before a qualified star,
// as written in the query.
func qualifiedName(st statement, star sqlToken) string {
	for i, t := range st.toks {
		if t == star && i >= 2 {
			return strings.ToLower(st.toks[i-2].text)
		}
	}
	return "t"
}

// scansFixedList reports whether the rows of the SQL call are scanned into
// a fixed list of destinations in its function: QueryRow(...).Scan(a, b),
// or rows, err := Query(...) and then rows.Scan(a, b, c). A spread
// (Scan(dest...)), a struct scan (sqlx Get/Select, StructScan) or rows
// handed elsewhere are not a fixed list: they follow the columns.
func scansFixedList(p *rule.Pass, sc *sqlCall) bool {
	parent := sc.cursor.Parent()
	if sel, ok := parent.Node().(*ast.SelectorExpr); ok && sel.Sel.Name == "Scan" {
		call, ok := parent.Parent().Node().(*ast.CallExpr)
		return ok && isFixedScan(call)
	}
	rows, body := assignedRows(p, sc)
	if rows == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Scan" {
			return true
		}
		if x, ok := ast.Unparen(sel.X).(*ast.Ident); ok && p.TypesInfo.Uses[x] == rows && isFixedScan(call) {
			found = true
		}
		return !found
	})
	return found
}

// assignedRows returns the variable the SQL call's rows are assigned to
// (rows, err := db.Query(...)) and the body of the enclosing function, or
// nil when the call is not so assigned.
func assignedRows(p *rule.Pass, sc *sqlCall) (types.Object, *ast.BlockStmt) {
	as, ok := sc.cursor.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Lhs) == 0 {
		return nil, nil
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return nil, nil
	}
	rows := p.TypesInfo.ObjectOf(id)
	_, body, _ := match.EnclosingFunc(p.TypesInfo, sc.cursor)
	if rows == nil || body == nil {
		return nil, nil
	}
	return rows, body
}

// isFixedScan reports whether a Scan call lists its destinations one by one.
func isFixedScan(call *ast.CallExpr) bool {
	return len(call.Args) > 0 && !call.Ellipsis.IsValid()
}

// scansByColumns reports whether the rows of the SQL call are read by a
// reader that adapts to whatever columns come back: rows, err := Query(...),
// cols, err := rows.Columns() (or ColumnTypes) in the same function, and
// every rows.Scan (at least one) spreads a slice made with the length of
// cols (dest := make([]any, len(cols)); rows.Scan(dest...)). A column
// added to the table cannot break such a Scan.
func scansByColumns(p *rule.Pass, sc *sqlCall) bool {
	if as, ok := sc.cursor.Parent().Node().(*ast.AssignStmt); !ok || len(as.Rhs) != 1 {
		return false
	}
	rows, body := assignedRows(p, sc)
	if rows == nil {
		return false
	}
	isRowsCall := func(e ast.Expr, names ...string) (*ast.CallExpr, bool) {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			return nil, false
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return nil, false
		}
		x, ok := ast.Unparen(sel.X).(*ast.Ident)
		return call, ok && p.TypesInfo.Uses[x] == rows && oneOfNames(sel.Sel.Name, names)
	}
	cols := map[types.Object]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		if a, ok := n.(*ast.AssignStmt); ok && len(a.Rhs) == 1 && len(a.Lhs) > 0 {
			if _, ok := isRowsCall(a.Rhs[0], "Columns", "ColumnTypes"); ok {
				if c, ok := a.Lhs[0].(*ast.Ident); ok && p.TypesInfo.ObjectOf(c) != nil {
					cols[p.TypesInfo.ObjectOf(c)] = true
				}
			}
		}
		return true
	})
	if len(cols) == 0 {
		return false
	}
	sizedByCols := func(e ast.Expr) bool {
		v := index.AssignedVar(p.TypesInfo, e)
		if v == nil {
			return false
		}
		assigns := p.Index.Assignments(v)
		if len(assigns) == 0 {
			return false
		}
		for _, a := range assigns {
			mk, ok := ast.Unparen(a.Value).(*ast.CallExpr)
			if a.Value == nil || !ok || !match.IsBuiltin(p.TypesInfo, mk.Fun, "make") || len(mk.Args) < 2 {
				return false
			}
			sized := false
			for _, n := range mk.Args[1:] {
				l, ok := ast.Unparen(n).(*ast.CallExpr)
				if ok && match.IsBuiltin(p.TypesInfo, l.Fun, "len") && len(l.Args) == 1 {
					if c, ok := ast.Unparen(l.Args[0]).(*ast.Ident); ok && cols[p.TypesInfo.Uses[c]] {
						sized = true
					}
				}
			}
			if !sized {
				return false
			}
		}
		return true
	}
	scans, spread := 0, 0
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := isRowsCall(nodeExpr(n), "Scan"); ok {
			scans++
			if call.Ellipsis.IsValid() && len(call.Args) == 1 && sizedByCols(call.Args[0]) {
				spread++
			}
		}
		return true
	})
	return scans > 0 && scans == spread
}

// nodeExpr returns n as an expression, or nil.
func nodeExpr(n ast.Node) ast.Expr {
	e, _ := n.(ast.Expr)
	return e
}

// oneOfNames reports whether s is one of names.
func oneOfNames(s string, names []string) bool {
	for _, n := range names {
		if s == n {
			return true
		}
	}
	return false
}
