package sqlcheck

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/fix"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// RowsErr returns the sql-rows-err rule.
func RowsErr() *rule.Rule {
	return &rule.Rule{
		ID:       "sql-rows-err",
		Severity: config.SeverityError,
		Enabled:  true,
		Imports:  rowsImports,
		Doc: rule.Doc{
			Title: "report rows.Next loops with no rows.Err check after them",
			Why: "rows.Next returns false both at the end of the result and when reading it failed: a dropped " +
				"connection, a cancelled context, a network timeout half way through a large result. Without a " +
				"rows.Err check after the loop, a partial result is returned as if it were complete: a report " +
				"that silently misses rows, a sync job that deletes what it did not see, an empty page served as " +
				"an empty table.",
			Bad:  "for rows.Next() {\n\t// scan\n}\nreturn users, nil",
			Good: "for rows.Next() {\n\t// scan\n}\nif err := rows.Err(); err != nil {\n\treturn nil, err\n}\nreturn users, nil",
			Scope: "Follows the rows a function obtains from a call (*sql.Rows, *sqlx.Rows, pgx.Rows) and iterates " +
				"with for rows.Next(). One rows variable assigned by a query in each branch of an if/else and iterated " +
				"by one loop is reported once. Not production code: files that import testing or testify (test " +
				"helpers, debugging dumps) and packages under a testonly, testing, testutil, testutils, mock or mocks directory " +
				"are not checked unless rules.toml sets tests = true.",
			Fix: "Inserts if err := rows.Err(); err != nil { return ..., err } after the loop when the function " +
				"returns an error last and its other results have a nil, zero or empty-string zero value.",
		},
		Quiet: rule.Declare(rowsErrCollected, rule.Forms(rowsErrQuiet)),
		Run:   runRowsErr,
	}
}

func runRowsErr(p *rule.Pass) error {
	if p.Explaining() { // naming the form walks every function's parameters
		rowsParameters(p)
	}
	reported := map[ast.Node]bool{}
	for _, r := range rowsResults(p) {
		if r.v == nil {
			continue
		}
		if len(r.loops) > 0 {
			r.bestEffort = bestEffort(p.TypesInfo, r)
		}
		if rule.Quiet(p, r.call, rowsErrQuiet, r) {
			continue
		}
		for _, loop := range r.loops {
			if reported[loop.Node()] {
				continue // rows assigned in both branches of an if: one loop, one finding
			}
			reported[loop.Node()] = true
			name := r.v.Name()
			p.Report(loopHead(loop.Node().(*ast.ForStmt)), "this "+name+".Next() loop has no "+name+".Err() check "+
				"after it: Next also returns false when the connection drops or the context is cancelled mid-result, "+
				"so a partial result passes for a complete one; check "+name+".Err() after the loop",
				rowsErrFix(p, loop, name)...)
		}
	}
	return nil
}

// rowsParameters records, for prodlint -explain, the rows parameters of
// the package's functions, which are never candidates (rows-parameter).
func rowsParameters(p *rule.Pass) {
	for c := range p.Cursors((*ast.FuncType)(nil)) {
		params := c.Node().(*ast.FuncType).Params
		if k := c.ParentEdgeKind(); params == nil || k != edge.FuncDecl_Type && k != edge.FuncLit_Type {
			continue // an interface's method or a func type: no body to check Err in
		}
		for _, field := range params.List {
			if !isRows(p.TypesInfo.TypeOf(field.Type)) {
				continue
			}
			for _, name := range field.Names {
				rule.Decided(p, name, "rows-parameter")
			}
		}
	}
}

// rowsErrFix inserts the Err check after the loop, returning the zero
// values of the function's other results and the error.
func rowsErrFix(p *rule.Pass, loop inspector.Cursor, name string) []analysis.SuggestedFix {
	_, _, sig := match.EnclosingFunc(p.TypesInfo, loop)
	if sig == nil || sig.Results().Len() == 0 {
		return nil
	}
	results := sig.Results()
	if !types.Identical(results.At(results.Len()-1).Type(), types.Universe.Lookup("error").Type()) {
		return nil
	}
	var values []string
	for i := 0; i < results.Len()-1; i++ {
		zero, ok := zeroValue(results.At(i).Type())
		if !ok {
			return nil
		}
		values = append(values, zero)
	}
	values = append(values, "err")
	at := loop.Node()
	if l, ok := loop.Parent().Node().(*ast.LabeledStmt); ok {
		at = l
	}
	indent := fix.Indent(p.Fset, at.Pos())
	text := "\n" + indent + "if err := " + name + ".Err(); err != nil {\n" +
		indent + "\treturn " + strings.Join(values, ", ") + "\n" + indent + "}"
	return []analysis.SuggestedFix{fix.New("Check "+name+".Err() after the loop", fix.Insert(at.End(), text))}
}

// zeroValue returns the source of t's zero value when it needs no type
// name: nil, 0, "" or false.
func zeroValue(t types.Type) (string, bool) {
	switch u := t.Underlying().(type) {
	case *types.Pointer, *types.Slice, *types.Map, *types.Chan, *types.Signature, *types.Interface:
		return "nil", true
	case *types.Basic:
		switch {
		case u.Info()&types.IsNumeric != 0:
			return "0", true
		case u.Info()&types.IsString != 0:
			return `""`, true
		case u.Info()&types.IsBoolean != 0:
			return "false", true
		}
	}
	return "", false
}
