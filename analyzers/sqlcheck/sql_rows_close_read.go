package sqlcheck

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// readToEndQuiet is the safe form of rows kept but never closed: the
// function cannot return while they are open.
var readToEndQuiet = []rule.QuietForm[readToEnd]{
	{
		Name: "read-to-the-end",
		Doc: "Rows read by a for rows.Next() loop in the block of the query, when no path leaves the function while " +
			"they are open: nothing between the query and the loop but the query's own error check returns, and the " +
			"loop's body holds no return, break out of it, goto or panic (a Scan error handled by log.Fatal or " +
			"os.Exit ends the process). The loop then ends only when Next returns false, which closes the rows.",
		Applies: func(c readToEnd) bool { return readsToEnd(c.p, c.r) },
	},
}

// readToEnd is a rows variable that is neither closed nor handed on.
type readToEnd struct {
	p *rule.Pass
	r *rowsResult
}

// readsToEnd reports whether the rows are read by one for rows.Next() loop
// that follows the query in its block, and the function cannot return
// between the query and the loop's natural end (Next returning false).
func readsToEnd(p *rule.Pass, r *rowsResult) bool {
	info := p.TypesInfo
	if r.v == nil || r.assign == nil || len(r.loops) != 1 {
		return false
	}
	ac := r.cursor.Parent()
	if ac.Node() != r.assign {
		return false
	}
	stmts := match.StmtList(ac.Parent().Node())
	loop := r.loops[0].Node().(*ast.ForStmt)
	first, last := slices.Index(stmts, ast.Stmt(r.assign)), slices.Index(stmts, ast.Stmt(loop))
	if first < 0 || last <= first || loop.Init != nil || loop.Post != nil {
		return false
	}
	var errVar *types.Var
	if len(r.assign.Lhs) == 2 {
		errVar = match.Var(info, r.assign.Lhs[1])
	}
	for k, s := range stmts[first+1 : last] {
		if ifs, ok := s.(*ast.IfStmt); ok && k == 0 && errVar != nil && ifs.Init == nil && ifs.Else == nil &&
			match.IsNotNilTest(info, ifs.Cond, errVar) {
			continue // the query failed: no rows to close
		}
		if mayLeave(info, s, false) {
			return false
		}
	}
	return !mayLeave(info, loop.Body, true) && assignedOnce(p, r)
}

// mayLeave reports whether n can leave the statement list it sits in other
// than by running to its end: a return, a goto, a labelled branch, a break
// or continue of an enclosing statement, or a panic, which a recover
// further up (net/http recovers every handler) turns into a return. An
// unlabelled continue stays when continueStays (n is the rows loop's body).
// Function literals are not entered.
func mayLeave(info *types.Info, n ast.Node, continueStays bool) bool {
	var walk func(n ast.Node, loops, breakables int) bool
	walk = func(n ast.Node, loops, breakables int) bool {
		leaves := false
		ast.Inspect(n, func(m ast.Node) bool {
			if leaves || m == nil {
				return false
			}
			switch m := m.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ForStmt, *ast.RangeStmt:
				if m != n {
					leaves = walk(m, loops+1, breakables+1)
					return false
				}
			case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				if m != n {
					leaves = walk(m, loops, breakables+1)
					return false
				}
			case *ast.ReturnStmt:
				leaves = true
			case *ast.BranchStmt:
				switch {
				case m.Tok == token.GOTO || m.Label != nil:
					leaves = true
				case m.Tok == token.BREAK:
					leaves = breakables == 0
				case m.Tok == token.CONTINUE:
					leaves = loops == 0 && !continueStays
				}
			case *ast.CallExpr:
				leaves = isPanic(info, m)
			}
			return !leaves
		})
		return leaves
	}
	return walk(n, 0, 0)
}

// isPanic reports whether call is the builtin panic or a log.Panic
// function: a panic unwinds to a recover (net/http's per-request one
// included), and the open rows go with it.
func isPanic(info *types.Info, call *ast.CallExpr) bool {
	return match.IsBuiltin(info, call.Fun, "panic") || match.IsCallTo(info, call, "log", "Panic", "Panicf", "Panicln")
}

// assignedOnce reports whether the rows variable is assigned only by the
// query (its := or = statement, after a plain var declaration): a second
// query into it would need its own loop.
func assignedOnce(p *rule.Pass, r *rowsResult) bool {
	for _, a := range p.Index.Assignments(r.v) {
		if a.Tok == token.VAR && a.Value == nil {
			continue // var rows *sql.Rows: declared, not assigned
		}
		if a.Target.Parent().Node() != r.assign {
			return false
		}
	}
	return true
}
