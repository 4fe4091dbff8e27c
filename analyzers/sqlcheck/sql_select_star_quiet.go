package sqlcheck

import (
	"strings"

	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

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
		Name: "from-fixed-cte",
		Doc: "WITH ... SELECT * whose every FROM and JOIN target is a common table expression of the same query " +
			"that lists its own columns (WITH a AS (SELECT 1 AS v) SELECT * FROM a): the star expands to columns the " +
			"query names itself; a CTE that selects * from a table still counts.",
		Applies: func(c starCandidate) bool { return c.st.fromFixedCTEs() },
	},
	{
		Name: "column-sized-scan",
		Doc: "Rows read by a reader that adapts to the columns that come back: the function calls rows.Columns() " +
			"(or ColumnTypes) on the query's rows and every rows.Scan spreads a slice made with the length of those " +
			"columns (dest := make([]any, len(cols)); rows.Scan(dest...)); a generic reader of a table or view chosen " +
			"at run time, where a column added to it cannot break the Scan. A Scan into a fixed list still counts.",
		Applies: func(c starCandidate) bool { return scansByColumns(c.p, c.sc) },
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

// fromFixedCTEs reports whether the statement is WITH ... SELECT whose
// every top-level FROM and JOIN target is a common table expression of the
// same statement that lists its own columns (WITH a AS (SELECT 1 AS v)
// SELECT * FROM a): the star expands to columns the query itself names,
// which no migration can widen.
func (st statement) fromFixedCTEs() bool {
	if st.word(0) != "WITH" {
		return false
	}
	i := 1
	if st.word(i) == "RECURSIVE" {
		i++
	}
	fixed := map[string]bool{}
	for {
		name := st.cteName(i)
		if name == "" {
			return false
		}
		i = st.skipParens(i + 1) // a column list
		if st.word(i) != "AS" {
			return false
		}
		i++
		if st.word(i) == "NOT" {
			i++
		}
		if st.word(i) == "MATERIALIZED" {
			i++
		}
		end := st.skipParens(i)
		if end == i {
			return false
		}
		fixed[name] = !st.sub(i+1, end-1).hasStarSelectItem()
		i = end
		if !st.toks[min(i, len(st.toks)-1)].is(tPunct, ",") || i >= len(st.toks) {
			break
		}
		i++
	}
	refs, expect := 0, false
	for ; i < len(st.toks); i++ {
		if st.depth[i] != 0 {
			continue
		}
		t := st.toks[i]
		switch {
		case t.kind == tWord && (t.text == "FROM" || t.text == "JOIN"):
			expect = true
			continue
		case t.is(tPunct, ",") && expect:
			continue
		case t.kind == tWord && fromClauseEnd[t.text]:
			expect = false
			continue
		}
		if !expect || i > 0 && !(st.word(i-1) == "FROM" || st.word(i-1) == "JOIN" || st.toks[i-1].is(tPunct, ",")) {
			continue
		}
		if t.is(tPunct, "(") {
			i = st.skipParens(i) - 1 // a subquery: its own stars are not top-level items
			refs++
			continue
		}
		if name := st.cteName(i); name == "" || !fixed[name] || i+1 < len(st.toks) && st.toks[i+1].is(tPunct, ".") {
			return false
		}
		refs++
	}
	return refs > 0
}

// fromClauseEnd are the keywords after which no table of a FROM list follows.
var fromClauseEnd = map[string]bool{
	"WHERE": true, "GROUP": true, "HAVING": true, "ORDER": true, "LIMIT": true, "UNION": true, "EXCEPT": true,
	"INTERSECT": true, "WINDOW": true, "FOR": true, "OFFSET": true, "FETCH": true, "ON": true, "USING": true,
}

// cteName returns the name at i, a word or quoted identifier, or "".
func (st statement) cteName(i int) string {
	if i >= len(st.toks) {
		return ""
	}
	if t := st.toks[i]; t.kind == tWord || t.kind == tIdent {
		return strings.ToUpper(t.text)
	}
	return ""
}

// sub returns the tokens from i to end (exclusive) as a statement of
// their own, at depth 0.
func (st statement) sub(i, end int) statement {
	if i >= end {
		return statement{}
	}
	base := st.depth[i]
	out := statement{toks: st.toks[i:end], depth: make([]int, end-i)}
	for j := range out.depth {
		out.depth[j] = st.depth[i+j] - base
	}
	return out
}

// hasStarSelectItem reports whether a select list of the query, at its
// top level, holds a bare or qualified star.
func (st statement) hasStarSelectItem() bool {
	bare, qualified := st.selectListStars()
	return len(bare) > 0 || len(qualified) > 0
}
