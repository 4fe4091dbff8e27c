package sqlcheck

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// LikeWildcard returns the sql-like-wildcard rule.
func LikeWildcard() *rule.Rule {
	return &rule.Rule{
		ID:       "sql-like-wildcard",
		Severity: config.SeverityWarning,
		Enabled:  true,
		Imports:  sqlImports,
		Requires: sqlRequires,
		Doc: rule.Doc{
			Title: "report LIKE and ILIKE patterns that start with a % wildcard",
			Why: "A search box ran LIKE '%query%' over 50 million rows: no B-tree index can serve a pattern " +
				"whose start is unknown, so every keystroke scanned the whole table, each query took 45 " +
				"seconds, and the scans held the table while the rest of the application queued behind them.",
			Bad: "db.QueryContext(ctx, \"SELECT id FROM products WHERE name ILIKE '%' || $1 || '%'\", q)",
			Good: "// CREATE INDEX CONCURRENTLY products_name_trgm ON products USING gin (name gin_trgm_ops);\n" +
				"db.QueryContext(ctx, \"SELECT id FROM products WHERE name ILIKE $1 || '%'\", q)",
			Scope: "Reads the SQL text as sql-select-star does. Reports a LIKE or ILIKE whose pattern starts with a " +
				"literal %: '%...', '%' || $1, CONCAT('%', $1), ('%' || x), and a placeholder ($1, ?) whose bound " +
				"Go argument starts with a % (\"%\" + q + \"%\", fmt.Sprintf(\"%%%s%%\", q)). LIKE inside SQL " +
				"comments and string literals is not read as SQL. The analysis cannot see the schema: when the " +
				"column has a pg_trgm GIN or GiST index, which does serve leading wildcards, silence the finding " +
				"with //prodlint:ignore sql-like-wildcard and say so.",
		},
		Quiet: rule.Declare(rule.Forms(likeWildcardQuiet)),
		Run:   runLikeWildcard,
	}
}

func runLikeWildcard(p *rule.Pass) error {
	for _, sc := range sqlCalls(p) {
		toks := tokenize(sc.text.Text)
		for _, st := range statements(toks) {
			for _, like := range st.likes() {
				c := likeCandidate{like: like, catalog: st.readsCatalog()}
				if like.first.kind == tParam {
					c.arg = sc.boundArg(like.first, toks)
					c.argLeading = c.arg != nil && startsWithPercent(p.TypesInfo, c.arg)
				}
				if rule.Quiet(p, sc.query, likeWildcardQuiet, c) {
					continue
				}
				switch {
				case like.leading:
					p.Reportf(sc.query, "%s pattern starts with a %% wildcard: no index can serve it, so every "+
						"search scans the whole table, which on a large table takes seconds and holds locks; use a prefix "+
						"match, full-text search (tsvector with a GIN index), or a pg_trgm GIN index", like.op)
				case c.argLeading:
					p.Reportf(c.arg, "this argument starts with a %% wildcard and is the pattern of a %s: "+
						"no index can serve it, so every search scans the whole table, which on a large "+
						"table takes seconds and holds locks; use a prefix match, full-text search (tsvector with a "+
						"GIN index), or a pg_trgm GIN index", like.op)
				}
			}
		}
	}
	return nil
}

// startsWithPercent reports whether the Go value bound to a LIKE pattern
// starts with a literal %: "%"+q, "%"+q+"%", fmt.Sprintf("%%%s%%", q).
func startsWithPercent(info *types.Info, e ast.Expr) bool {
	e = ast.Unparen(e)
	if tv := info.Types[e]; tv.Value != nil && tv.Value.Kind() == constant.String {
		return strings.HasPrefix(constant.StringVal(tv.Value), "%")
	}
	switch e := e.(type) {
	case *ast.BinaryExpr:
		return e.Op == token.ADD && startsWithPercent(info, e.X)
	case *ast.CallExpr:
		if match.IsCallTo(info, e, "fmt", "Sprintf") && len(e.Args) > 0 {
			if tv := info.Types[e.Args[0]]; tv.Value != nil && tv.Value.Kind() == constant.String {
				return strings.HasPrefix(constant.StringVal(tv.Value), "%%")
			}
		}
	}
	return false
}
