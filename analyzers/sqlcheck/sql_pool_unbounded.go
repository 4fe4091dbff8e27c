package sqlcheck

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/fix"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
	"github.com/prodlint/prodlint/analyzers/internal/summary/sqlsum"
)

// SQLPoolOptions are sql-pool-unbounded's rules.toml keys: the values the
// fix writes.
type SQLPoolOptions struct {
	MaxOpenConns    int             `toml:"max-open-conns" doc:"the SetMaxOpenConns value the fix inserts" min:"1"`
	MaxIdleConns    int             `toml:"max-idle-conns" doc:"the SetMaxIdleConns value the fix inserts"`
	ConnMaxLifetime config.Duration `toml:"conn-max-lifetime" doc:"the SetConnMaxLifetime value the fix inserts (0 leaves it out)"`
}

// SQLPoolUnbounded returns the sql-pool-unbounded rule.
func SQLPoolUnbounded() *rule.Rule {
	return &rule.Rule{
		ID:       "sql-pool-unbounded",
		Severity: config.SeverityError,
		Enabled:  false, // opt-in: on real code most pools it finds serve one sequential caller
		Requires: []*analysis.Analyzer{sqlsum.Analyzer},
		NewOptions: func() any {
			return &SQLPoolOptions{MaxOpenConns: 25, MaxIdleConns: 25, ConnMaxLifetime: config.Duration(5 * time.Minute)}
		},
		Doc: rule.Doc{
			Title: "report a *sql.DB that never gets SetMaxOpenConns",
			Why: "A *sql.DB is a pool with no limit on open connections by default: every concurrent query " +
				"that finds no idle connection opens a new one. Under load the pool outgrows the database's " +
				"connection limit; the database refuses the rest, and requests wait, time " +
				"out and fail. SetMaxOpenConns makes the pool queue instead, at a size the database and " +
				"every other replica of the service can share.",
			Bad: "db, err := sql.Open(\"postgres\", dsn)\nif err != nil {\n\treturn err\n}",
			Good: "db, err := sql.Open(\"postgres\", dsn)\nif err != nil {\n\treturn err\n}\ndb.SetMaxOpenConns(25)\n" +
				"db.SetMaxIdleConns(25)\ndb.SetConnMaxLifetime(5 * time.Minute)",
			Scope: "Off by default (enable it in rules.toml to audit a code base): on real code most pools it " +
				"finds serve one sequential caller (a migration or schema driver, a pool pinned to one connection, " +
				"one consumer per configured source), whose size cannot grow with load, and whether callers run " +
				"concurrently is decided in code it cannot see. " +
				"Across the packages analyzed together it follows function summaries: a function of another " +
				"package that opens a new pool on every call and never limits it (func Open(dsn string) " +
				"(*sql.DB, error) in a database package) is reported where it is called, when the caller " +
				"never limits the pool either; each call builds its own pool, so each caller is judged on its " +
				"own. Passing the pool to a function of another package counts as limiting it when that " +
				"function calls SetMaxOpenConns on it (itself, through what it calls, or by keeping it in a " +
				"field its package limits), and as keeping it unlimited when every use there is seen (method " +
				"calls, an unexported field only used as a receiver); any other use there, or a function with " +
				"no summary (another module, an interface), counts as the pool leaving the package (pool-leaves-package).",
			Fix: "after the Open and its `if err != nil` check, insert SetMaxOpenConns(max-open-conns), " +
				"SetMaxIdleConns(max-idle-conns) and SetConnMaxLifetime(conn-max-lifetime), importing time " +
				"when needed. SetMaxOpenConns(0), or any constant below one, is database/sql's \"no limit\" and " +
				"counts as none; where the package makes such a call no fix is offered, since it would lift an " +
				"inserted limit again",
		},
		Quiet: rule.Declare(rule.Forms(poolQuiet)),
		Run:   runSQLPoolUnbounded,
	}
}

func runSQLPoolUnbounded(p *rule.Pass) error {
	sum := p.ResultOf[sqlsum.Analyzer].(*sqlsum.Result)
	if !match.Imports(p.Pkg, sqlPath) && !sum.ImportsPools() {
		return nil // no pool opened here, nor by an imported function
	}
	opts := rule.Options[SQLPoolOptions](p)
	flow := newDBFlow(p, sum)
	hint := ""
	if flow.unlimited {
		// A limit inserted after the Open would be lifted again by the
		// package's own SetMaxOpenConns(0): no fix, the author chooses.
		opts = &SQLPoolOptions{}
		hint = " (SetMaxOpenConns(0) in this package means no limit, not a limit of zero)"
	}
	for _, open := range flow.opens {
		if rule.Quiet(p, open.Node(), poolQuiet, poolOpen{flow, open, flow.fate(open)}) {
			continue
		}
		call := open.Node().(*ast.CallExpr)
		if fn := flow.opener(call); fn != nil {
			var fixes []analysis.SuggestedFix
			if flow.openResult(open) == 0 {
				fixes = poolLimitFixes(p, opts, open)
			}
			p.Report(call, match.APIName(fn, p.Pkg)+" opens a new *sql.DB on every call and never limits its pool with "+
				"SetMaxOpenConns, and neither does this package: under load it opens a connection for every concurrent "+
				"query until the database refuses more (max_connections), and requests queue, time out and fail; "+
				"call SetMaxOpenConns, SetMaxIdleConns and SetConnMaxLifetime once on the pool it returns"+hint, fixes...)
			continue
		}
		p.Report(call, "sql."+match.Callee(p.TypesInfo, call).Name()+" returns a *sql.DB whose pool is never "+
			"limited with SetMaxOpenConns in this package: under load it opens a connection for every concurrent "+
			"query until the database refuses more (max_connections), and requests queue, time out and fail; "+
			"call SetMaxOpenConns, SetMaxIdleConns and SetConnMaxLifetime once after opening it"+hint,
			poolLimitFixes(p, opts, open)...)
	}
	return nil
}

// poolLimitFixes inserts the pool limits after `db, err := sql.Open(...)`
// and its terminating `if err != nil` check, or after `db :=
// sql.OpenDB(...)` / `db, _ := sql.Open(...)`. Elsewhere (a return, a
// struct literal, a check that does not return) there is no safe place.
func poolLimitFixes(p *rule.Pass, opts *SQLPoolOptions, open inspector.Cursor) []analysis.SuggestedFix {
	assignCur := open.Parent()
	assign, ok := assignCur.Node().(*ast.AssignStmt)
	if !ok || len(assign.Rhs) != 1 || opts.MaxOpenConns <= 0 {
		return nil
	}
	if match.IsBlank(assign.Lhs[0]) {
		return nil
	}
	after := ast.Stmt(assign)
	if len(assign.Lhs) == 2 {
		next, ok := assignCur.NextSibling()
		switch {
		case match.IsBlank(assign.Lhs[1]): // db, _ := sql.Open(...)
		case ok && isErrCheck(p, next.Node(), match.Var(p.TypesInfo, assign.Lhs[1])):
			after = next.Node().(ast.Stmt)
		default:
			return nil
		}
	}
	file := p.File(assign.Pos())
	if file == nil {
		return nil
	}
	db := fix.Source(p.Fset, assign.Lhs[0])
	indent := "\n" + fix.Indent(p.Fset, assign.Pos())
	lines := []string{
		db + ".SetMaxOpenConns(" + strconv.Itoa(opts.MaxOpenConns) + ")",
		db + ".SetMaxIdleConns(" + strconv.Itoa(max(opts.MaxIdleConns, 0)) + ")",
	}
	var edits []analysis.TextEdit
	if opts.ConnMaxLifetime > 0 {
		timeName, importEdits, ok := fix.NameAt(p.Pkg, p.Fset, file, "time", "time", after.End())
		if !ok {
			return nil
		}
		edits = importEdits
		lines = append(lines, db+".SetConnMaxLifetime("+fix.Duration(opts.ConnMaxLifetime.Std(), timeName)+")")
	}
	edits = append(edits, fix.Insert(lineEnd(p.Fset, after.End()), indent+strings.Join(lines, indent)))
	return []analysis.SuggestedFix{fix.New("Limit the connection pool after opening it", edits...)}
}

// isErrCheck reports whether n is `if err != nil { ... }` whose body ends
// by leaving the function or the program, so that code after it runs only
// with a usable *sql.DB.
func isErrCheck(p *rule.Pass, n ast.Node, errVar *types.Var) bool {
	ifStmt, ok := n.(*ast.IfStmt)
	if !ok || errVar == nil || ifStmt.Init != nil || ifStmt.Else != nil || len(ifStmt.Body.List) == 0 {
		return false
	}
	cond, ok := ifStmt.Cond.(*ast.BinaryExpr)
	if !ok || cond.Op != token.NEQ || match.Var(p.TypesInfo, cond.X) != errVar {
		return false
	}
	if id, ok := cond.Y.(*ast.Ident); !ok || id.Name != "nil" {
		return false
	}
	switch last := ifStmt.Body.List[len(ifStmt.Body.List)-1].(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		call, ok := last.X.(*ast.CallExpr)
		if !ok {
			return false
		}
		if match.IsBuiltin(p.TypesInfo, call.Fun, "panic") {
			return true
		}
		return match.IsCallTo(p.TypesInfo, call, "log", "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln") ||
			match.IsCallTo(p.TypesInfo, call, "os", "Exit")
	}
	return false
}

// lineEnd returns the position of the end of the line holding pos, so that
// an insertion after a statement keeps the statement's trailing comment.
func lineEnd(fset *token.FileSet, pos token.Pos) token.Pos {
	f := fset.File(pos)
	line := f.Line(pos)
	if line >= f.LineCount() {
		return token.Pos(f.Base() + f.Size())
	}
	return f.LineStart(line+1) - 1
}
