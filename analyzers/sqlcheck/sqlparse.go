package sqlcheck

import "strings"

// statement is one SQL statement: its tokens, without the final ';', and
// each token's parenthesis depth.
type statement struct {
	toks  []sqlToken
	depth []int
}

// statements splits tokens into statements at the ';' outside parentheses.
func statements(toks []sqlToken) []statement {
	var out []statement
	var cur statement
	depth := 0
	for _, t := range toks {
		switch {
		case t.is(tPunct, "(") || t.is(tPunct, "["):
			cur.toks, cur.depth = append(cur.toks, t), append(cur.depth, depth)
			depth++
			continue
		case t.is(tPunct, ")") || t.is(tPunct, "]"):
			if depth > 0 {
				depth--
			}
		case t.is(tPunct, ";") && depth == 0:
			if len(cur.toks) > 0 {
				out = append(out, cur)
			}
			cur = statement{}
			continue
		}
		cur.toks, cur.depth = append(cur.toks, t), append(cur.depth, depth)
	}
	if len(cur.toks) > 0 {
		out = append(out, cur)
	}
	return out
}

// word returns the upper-cased keyword at i, or "".
func (st statement) word(i int) string {
	if i < 0 || i >= len(st.toks) || st.toks[i].kind != tWord {
		return ""
	}
	return st.toks[i].text
}

var mainVerbs = map[string]bool{"SELECT": true, "INSERT": true, "UPDATE": true, "DELETE": true, "MERGE": true, "VALUES": true}

// verb returns what the statement does: SELECT, INSERT, CREATE, ALTER...;
// for WITH, the verb of the main statement after the common table
// expressions; for a parenthesized query, SELECT.
func (st statement) verb() string {
	if len(st.toks) == 0 {
		return ""
	}
	switch first := st.word(0); {
	case first == "WITH":
		for i := 1; i < len(st.toks); i++ {
			if st.depth[i] == 0 && mainVerbs[st.word(i)] {
				return st.word(i)
			}
		}
		return ""
	case first != "":
		return first
	case st.toks[0].is(tPunct, "("):
		for i := 1; i < len(st.toks); i++ {
			if w := st.word(i); w != "" {
				return w
			}
		}
	}
	return ""
}

// selectListEnd are the keywords that end a select list.
var selectListEnd = map[string]bool{
	"FROM": true, "INTO": true, "WHERE": true, "GROUP": true, "HAVING": true, "ORDER": true, "LIMIT": true,
	"UNION": true, "EXCEPT": true, "INTERSECT": true, "WINDOW": true, "FOR": true, "OFFSET": true, "FETCH": true,
}

// selectStars returns the tokens that are a bare * item of a select list
// at the top level of a query: SELECT *, SELECT DISTINCT *, SELECT id, *,
// and the members of a top-level UNION. Stars inside parentheses
// (count(*), EXISTS (SELECT * ...), subqueries and CTE bodies) and
// qualified stars (t.*) are not items of a top-level list.
func (st statement) selectStars() []sqlToken {
	bare, _ := st.selectListStars()
	return bare
}

// selectListStars returns the * items of the top-level select lists: bare
// ones (*) and table-qualified ones (t.*).
func (st statement) selectListStars() (bare, qualified []sqlToken) {
	if st.verb() != "SELECT" {
		return nil, nil // INSERT ... SELECT *, CREATE VIEW ... AS SELECT *: not rows sent to the application
	}
	for i := 0; i < len(st.toks); i++ {
		if st.depth[i] != 0 || st.word(i) != "SELECT" {
			continue
		}
		i++
		if st.word(i) == "ALL" {
			i++
		} else if st.word(i) == "DISTINCT" {
			i++
			if st.word(i) == "ON" {
				i = st.skipParens(i + 1)
			}
		}
		itemStart := i
		for ; i < len(st.toks); i++ {
			if st.depth[i] != 0 {
				continue
			}
			t := st.toks[i]
			if t.kind == tWord && selectListEnd[t.text] {
				i--
				break
			}
			if t.is(tPunct, ",") {
				itemStart = i + 1
				continue
			}
			if !t.is(tPunct, "*") || !st.itemEndsAfter(i) {
				continue
			}
			switch {
			case itemStart == i:
				bare = append(bare, t)
			case itemStart == i-2 && st.word(i-2) != "" && st.toks[i-1].is(tPunct, "."):
				qualified = append(qualified, t)
			}
		}
	}
	return bare, qualified
}

// itemEndsAfter reports whether the select-list item ends after token i:
// at the end, a comma, or a keyword that ends the list.
func (st statement) itemEndsAfter(i int) bool {
	return i+1 == len(st.toks) || st.toks[i+1].is(tPunct, ",") || st.depth[i+1] == 0 && st.word(i+1) != "" && selectListEnd[st.word(i+1)]
}

// hasTopLevelJoin reports whether the query joins tables at its top level.
func (st statement) hasTopLevelJoin() bool {
	for i := range st.toks {
		if st.depth[i] == 0 && st.word(i) == "JOIN" {
			return true
		}
	}
	return false
}

// skipParens returns the index after the parenthesized group opening at i,
// or i when there is none.
func (st statement) skipParens(i int) int {
	if i >= len(st.toks) || !st.toks[i].is(tPunct, "(") {
		return i
	}
	d := st.depth[i]
	for j := i + 1; j < len(st.toks); j++ {
		if st.depth[j] == d {
			return j + 1
		}
	}
	return len(st.toks)
}

// likePattern is the pattern of a LIKE or ILIKE: the token that starts it
// and, when the pattern is a literal, whether it starts with %.
type likePattern struct {
	op      string // LIKE or ILIKE
	first   sqlToken
	leading bool // the pattern starts with a literal %
}

// likes returns the patterns of the statement's LIKE and ILIKE operators.
// '%' || $1, CONCAT('%', $1) and ('%' || $1) start with %.
func (st statement) likes() []likePattern {
	var out []likePattern
	for i := 0; i < len(st.toks); i++ {
		op := st.word(i)
		if op != "LIKE" && op != "ILIKE" {
			continue
		}
		j := i + 1
		for j < len(st.toks) && st.toks[j].is(tPunct, "(") {
			j++
		}
		if (st.word(j) == "CONCAT" || st.word(j) == "CONCAT_WS") && j+2 < len(st.toks) && st.toks[j+1].is(tPunct, "(") {
			j += 2
		}
		if j >= len(st.toks) {
			continue
		}
		first := st.toks[j]
		out = append(out, likePattern{op: op, first: first, leading: first.kind == tString && strings.HasPrefix(first.text, "%")})
	}
	return out
}

// readsTable reports whether a SELECT reads a table: it has a FROM, and
// its top-level FROM does not start with a function call. SELECT fn($1)
// and SELECT * FROM fn($1) call a function, which may write (a stored
// procedure): they are not a row lookup.
func (st statement) readsTable() bool {
	from := -1
	for i := range st.toks {
		if st.word(i) != "FROM" {
			continue
		}
		if st.depth[i] == 0 {
			from = i
			break
		}
		if from < 0 {
			from = len(st.toks) // a FROM only inside parentheses: a subquery reads a table
		}
	}
	if from < 0 {
		return false
	}
	if from == len(st.toks) {
		return true
	}
	i := from + 1
	// A name, possibly qualified, possibly computed by the Go code
	// (FROM %s($1) with the function's name in a Sprintf verb).
	for i < len(st.toks) && (st.toks[i].kind == tWord || st.toks[i].kind == tIdent || st.toks[i].kind == tHole) {
		i++
		if i < len(st.toks) && st.toks[i].is(tPunct, ".") {
			i++
			continue
		}
		break
	}
	return !(i > from+1 && i < len(st.toks) && st.toks[i].is(tPunct, "("))
}

// locksRows reports whether the statement has a top-level FOR clause
// (FOR UPDATE, FOR SHARE, FOR NO KEY UPDATE): the rows it reads stay
// locked while its result is open.
func (st statement) locksRows() bool {
	for i := range st.toks {
		if st.depth[i] == 0 && st.word(i) == "FOR" {
			return true
		}
	}
	return false
}

// catalogs are the schemas and tables that describe the database itself.
var catalogs = map[string]bool{"INFORMATION_SCHEMA": true, "PG_CATALOG": true, "SQLITE_MASTER": true, "SQLITE_SCHEMA": true}

// readsCatalog reports whether the statement reads the database's own
// catalog (information_schema, pg_catalog, sqlite_master, or a pg_ system
// catalog or view named after FROM or JOIN: pg_settings, pg_stat_activity):
// a lookup per table, column or setting of the server, whose count does
// not grow with the data.
func (st statement) readsCatalog() bool {
	for i := range st.toks {
		w := st.word(i)
		if catalogs[w] {
			return true
		}
		if prev := st.word(i - 1); (prev == "FROM" || prev == "JOIN") && strings.HasPrefix(w, "PG_") {
			return true
		}
	}
	return false
}
