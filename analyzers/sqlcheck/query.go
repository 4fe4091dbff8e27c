package sqlcheck

import (
	"go/ast"
	"go/types"
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/apis"
	"github.com/prodlint/prodlint/analyzers/internal/index"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
	"github.com/prodlint/prodlint/analyzers/internal/summary/sqlsum"
)

// sinkKind says what a query API does with its SQL (the API tables'
// query kinds).
type sinkKind = apis.QueryKind

const (
	sinkQuery   = apis.QueryRows    // runs it and returns rows (Query, QueryRow, sqlx Get/Select)
	sinkExec    = apis.QueryExec    // runs it for its effect (Exec, MustExec)
	sinkPrepare = apis.QueryPrepare // prepares it
)

// Import paths of the SQL libraries whose types the rules name.
const (
	sqlxPath = "github.com/jmoiron/sqlx"
	pgxPath  = "github.com/jackc/pgx/v5"
)

// sqlImports are the packages whose query APIs the SQL text rules follow
// (the API tables' query methods).
var sqlImports = apis.QueryPaths()

// sqlCall is a call that sends SQL text to the database.
type sqlCall struct {
	call   *ast.CallExpr
	cursor inspector.Cursor
	kind   sinkKind
	query  ast.Expr   // the SQL argument
	args   []ast.Expr // the bound arguments, nil when spread (args...)
	inTx   bool       // the receiver is a transaction
	text   sqlsum.QueryText

	stmtsOnce sync.Once
	stmts     []statement
}

// sqlCallsAnalyzer finds the package's SQL calls once for all the SQL
// text rules, which require it. Like inspect.Analyzer it holds no state;
// its result computes on the first rule's question.
var sqlCallsAnalyzer = &analysis.Analyzer{
	Name:       "prodlint_sqlcalls",
	Doc:        "finds the calls of a package that send SQL whose text is known",
	Requires:   []*analysis.Analyzer{index.Analyzer, sqlsum.Analyzer},
	ResultType: reflect.TypeOf((*sqlScan)(nil)),
	Run: func(pass *analysis.Pass) (any, error) {
		return &sqlScan{
			info: pass.TypesInfo,
			idx:  pass.ResultOf[index.Analyzer].(*index.Index),
			sum:  pass.ResultOf[sqlsum.Analyzer].(*sqlsum.Result),
		}, nil
	},
}

// sqlRequires is what a rule over sqlCalls requires.
var sqlRequires = []*analysis.Analyzer{sqlCallsAnalyzer}

// sqlScan is the result of sqlCallsAnalyzer.
type sqlScan struct {
	info  *types.Info
	idx   *index.Index
	sum   *sqlsum.Result
	once  sync.Once
	calls []*sqlCall
}

// sqlCalls returns the package's calls that send SQL whose text is known
// (see sqlsum.Texts), in source order, computed once per package.
func sqlCalls(p *rule.Pass) []*sqlCall {
	s := p.ResultOf[sqlCallsAnalyzer].(*sqlScan)
	s.once.Do(func() {
		qt := sqlsum.NewTexts(s.info, s.sum)
		for c := range s.idx.Calls() {
			sc := sinkCall(s.info, c)
			if sc == nil {
				continue
			}
			text, ok := qt.Of(sc.query, c)
			if !ok {
				continue
			}
			sc.text = text
			s.calls = append(s.calls, sc)
		}
	})
	return s.calls
}

func sinkCall(info *types.Info, c inspector.Cursor) *sqlCall {
	call := c.Node().(*ast.CallExpr)
	fn := match.Callee(info, call)
	if fn == nil {
		return nil
	}
	q, typ, ok := apis.QueryOf(fn)
	if !ok || q.Arg >= len(call.Args) {
		return nil
	}
	sc := &sqlCall{call: call, cursor: c, kind: q.Kind, query: call.Args[q.Arg], inTx: typ == "Tx"}
	if !call.Ellipsis.IsValid() {
		sc.args = call.Args[q.Arg+1:]
	}
	return sc
}

// statements returns the statements of the call's SQL.
// The rules share the call, so the statements are split once.
func (sc *sqlCall) statements() []statement {
	sc.stmtsOnce.Do(func() { sc.stmts = statements(tokenize(sc.text.Text)) })
	return sc.stmts
}

// boundArg returns the Go expression bound to a placeholder token ($2, or
// the n-th ?), or nil.
func (sc *sqlCall) boundArg(param sqlToken, all []sqlToken) ast.Expr {
	n := -1
	switch {
	case param.text == "?":
		n = 0
		for _, t := range all {
			if t.off >= param.off {
				break
			}
			if t.is(tParam, "?") {
				n++
			}
		}
	case len(param.text) > 1 && param.text[0] == '$':
		n = 0
		for _, d := range param.text[1:] {
			n = n*10 + int(d-'0')
		}
		n--
	}
	if n < 0 || n >= len(sc.args) {
		return nil
	}
	return sc.args[n]
}

// summaries returns the SQL summaries of the package and its imports.
func summaries(p *rule.Pass) *sqlsum.Result {
	return p.ResultOf[sqlCallsAnalyzer].(*sqlScan).sum
}
