package sqlcheck

import (
	"go/ast"

	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// likeCandidate is a LIKE or ILIKE of a query's SQL text, a candidate of
// sql-like-wildcard: arg is the Go value bound to a placeholder pattern,
// argLeading whether it is seen to start with a %.
type likeCandidate struct {
	like       likePattern
	arg        ast.Expr
	argLeading bool
	catalog    bool // the statement reads the database's catalog
}

// likeWildcardQuiet are the safe forms of a LIKE pattern.
var likeWildcardQuiet = []rule.QuietForm[likeCandidate]{
	{
		Name: "prefix-literal",
		Doc: "A pattern written in the SQL text that does not start with a literal % ('abc%', CONCAT('abc', $1), " +
			"a column): a B-tree index can serve a known prefix.",
		Applies: func(c likeCandidate) bool { return !c.like.leading && c.like.first.kind != tParam },
	},
	{
		Name: "bound-argument",
		Doc: "A placeholder pattern ($1, ?, also $1 || '%') bound to a Go value that is not seen to start with a % " +
			"(q + \"%\", a parameter, a value computed elsewhere): the analysis reports only a % it can see.",
		Applies: func(c likeCandidate) bool { return c.like.first.kind == tParam && !c.argLeading },
	},
	{
		Name: "catalog-read",
		Doc: "A statement that reads the database's own catalog (information_schema, pg_catalog and PostgreSQL's " +
			"pg_ system catalogs and views read after FROM or JOIN, such as pg_settings or pg_stat_activity, " +
			"sqlite_master): a table per schema object or setting, small whatever the data, so a scan costs nothing.",
		Applies: func(c likeCandidate) bool { return c.catalog },
	},
}
