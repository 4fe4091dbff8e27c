package sqlcheck

import "github.com/prodlint/prodlint/analyzers/internal/rule"

// starCandidate is a statement with a * token (a star item, t.*,
// count(*), RETURNING *, a multiplication), a candidate of sql-select-star: bare and qualified are the
// stars of its top-level select list.
type starCandidate struct {
	p         *rule.Pass
	sc        *sqlCall
	st        statement
	bare      []sqlToken
	qualified []sqlToken
}

// selectStarQuietForms are the safe forms of a star in a query.
var selectStarQuietForms = []rule.QuietForm[starCandidate]{
	{
		Name: "star-outside-select-list",
		Doc: "A star that sends no columns to the application: count(*), EXISTS (SELECT * ...), subqueries and CTE " +
			"bodies (the planner prunes their columns), INSERT ... SELECT *, CREATE VIEW ... AS SELECT *, RETURNING *; " +
			"and a * that multiplies.",
		Applies: func(c starCandidate) bool { return len(c.bare) == 0 && len(c.qualified) == 0 },
	},
	{
		Name: "qualified-star",
		Doc: "A qualified star (t.*), a deliberate choice of one table's columns, except in the top-level select list " +
			"of a join whose rows the function scans into a fixed list of destinations (QueryRow(q).Scan(&a, &b), " +
			"rows.Scan(&a, &b, &c)), where a column added to that table breaks the Scan; a struct scan or a spread " +
			"Scan(dest...) follows the columns.",
		Applies: func(c starCandidate) bool {
			return len(c.bare) == 0 && len(c.qualified) > 0 && !(c.st.hasTopLevelJoin() && scansFixedList(c.p, c.sc))
		},
	},
}

// hasStarItem reports whether the statement holds a * token (a star
// item, count(*), or a multiplication) outside comments and strings.
func (st statement) hasStarItem() bool {
	for _, t := range st.toks {
		if t.is(tPunct, "*") {
			return true
		}
	}
	return false
}
