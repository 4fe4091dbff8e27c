package sqlcheck

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
	"github.com/prodlint/prodlint/analyzers/internal/summary/sqlsum"
)

// The Collected forms of sql-in-loop (inLoopCollected) keep a query from
// being a candidate before its loops are judged. The functions here name
// them for prodlint -explain; the rule calls them only when the driver
// asks (Pass.Explaining), so they cost nothing otherwise.

// decideCollected records each distinct non-empty form of forms as the one
// that kept the query at call from being reported.
func decideCollected(p *rule.Pass, call *ast.CallExpr, forms ...string) {
	seen := map[string]bool{}
	for _, f := range forms {
		if f != "" && !seen[f] {
			seen[f] = true
			rule.Decided(p, call, f)
		}
	}
}

// loopForm names the Collected form of a loop that does not make the query
// in it a candidate: over is what loopOver said it iterates ("" when it is
// not a loop over data).
func loopForm(info *types.Info, loop ast.Node, over string) string {
	if over != "" {
		return "loop-invariant-args" // a loop over data, but no bound argument changes with it
	}
	switch l := loop.(type) {
	case *ast.ForStmt:
		if l.Cond != nil || l.Post != nil {
			return "counted-loop"
		}
	case *ast.RangeStmt:
		t := info.TypeOf(l.X)
		if t == nil {
			return ""
		}
		switch u := t.Underlying().(type) {
		case *types.Chan:
			return "channel-loop"
		case *types.Basic:
			if u.Info()&types.IsInteger != 0 {
				return "counted-loop"
			}
		}
	}
	return "" // for {}, a range over a string or an iterator: no form names it
}

// writeVerbs are the statements that change rows.
var writeVerbs = map[string]bool{"INSERT": true, "UPDATE": true, "DELETE": true, "MERGE": true, "REPLACE": true, "UPSERT": true}

// notReadForm names the Collected form that keeps the SQL call sc, which
// is not a read with its arguments listed, from being a candidate: a
// write per item (an Exec, INSERT ... RETURNING through QueryRow) or a
// SELECT with spread arguments, in a loop over data whose items it takes.
// It returns "" for a call no form names (a prepare, several statements,
// a query outside such a loop).
func notReadForm(info *types.Info, sc *sqlCall) string {
	sts := sc.statements()
	if len(sts) != 1 {
		return ""
	}
	var form string
	switch verb := sts[0].verb(); {
	case sc.kind == sinkQuery && verb == "SELECT" && sc.args == nil:
		form = "spread-args"
	case sc.kind != sinkPrepare && writeVerbs[verb]:
		form = "write-per-item"
	default:
		return ""
	}
	if sc.args == nil {
		if !inLoopOverData(info, sc.cursor) {
			return ""
		}
	} else if !loopOverDataFrom(info, sc.cursor, sc.args) {
		return ""
	}
	return form
}

// inLoopOverData reports whether c is in a loop over data (loopOver).
func inLoopOverData(info *types.Info, c inspector.Cursor) bool {
	for _, loop := range match.EnclosingLoops(c) {
		if loopOver(info, loop.Node()) != "" {
			return true
		}
	}
	return false
}

// loopOverDataFrom reports whether c is in a loop over data that one of
// args takes a changing value from: where a read would be a candidate.
func loopOverDataFrom(info *types.Info, c inspector.Cursor, args []ast.Expr) bool {
	for _, loop := range match.EnclosingLoops(c) {
		if loopOver(info, loop.Node()) != "" && argsFromLoop(info, loop.Node(), args) {
			return true
		}
	}
	return false
}

// isPreparedQuery reports whether fn runs a prepared statement that
// returns rows: its SQL is not at the call.
func isPreparedQuery(fn *types.Func) bool {
	return match.IsMethod(fn, "database/sql", "Stmt", "Query", "QueryContext", "QueryRow", "QueryRowContext") ||
		match.IsMethod(fn, sqlxPath, "Stmt", "Queryx", "QueryRowx", "QueryxContext", "QueryRowxContext",
			"Get", "Select", "GetContext", "SelectContext") ||
		match.IsMethod(fn, sqlxPath, "NamedStmt", "Queryx", "QueryRowx", "QueryxContext", "QueryRowxContext",
			"Get", "Select", "GetContext", "SelectContext")
}

// helperReadsPerItem reports whether the helper called at c runs one of
// queries as a read of a table, in a loop over data whose items it passes
// (any loop over data when its arguments are spread): a call that would be
// a candidate but for a Collected form.
func helperReadsPerItem(info *types.Info, c inspector.Cursor, queries []sqlsum.Query, spread bool) bool {
	call := c.Node().(*ast.CallExpr)
	for _, q := range queries {
		if !perItemRead(q.Text) {
			continue
		}
		if spread && inLoopOverData(info, c) || !spread && loopOverDataFrom(info, c, helperArgs(call, q)) {
			return true
		}
	}
	return false
}
