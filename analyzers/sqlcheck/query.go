package sqlcheck

import (
	"go/ast"
	"go/types"
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/index"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// sinkKind says what a query API does with its SQL.
type sinkKind int

const (
	sinkQuery   sinkKind = iota // runs it and returns rows (Query, QueryRow, sqlx Get/Select)
	sinkExec                    // runs it for its effect (Exec, MustExec)
	sinkPrepare                 // prepares it
)

// sink is a family of methods that take SQL text: the types that declare
// them, the method names, the position of the SQL argument and the kind.
type sink struct {
	pkg   string
	types []string
	names []string
	arg   int
	kind  sinkKind
}

var (
	sqlTypes  = []string{"DB", "Tx", "Conn"}
	sqlxTypes = []string{"DB", "Tx"}
	pgxTypes  = []string{"Conn"}
)

const (
	sqlxPath    = "github.com/jmoiron/sqlx"
	pgxPath     = "github.com/jackc/pgx/v5"
	pgxpoolPath = "github.com/jackc/pgx/v5/pgxpool"
)

var sinks = []sink{
	{"database/sql", sqlTypes, []string{"Query", "QueryRow"}, 0, sinkQuery},
	{"database/sql", sqlTypes, []string{"QueryContext", "QueryRowContext"}, 1, sinkQuery},
	{"database/sql", sqlTypes, []string{"Exec"}, 0, sinkExec},
	{"database/sql", sqlTypes, []string{"ExecContext"}, 1, sinkExec},
	{"database/sql", sqlTypes, []string{"Prepare"}, 0, sinkPrepare},
	{"database/sql", sqlTypes, []string{"PrepareContext"}, 1, sinkPrepare},
	{sqlxPath, sqlxTypes, []string{"Queryx", "QueryRowx"}, 0, sinkQuery},
	{sqlxPath, sqlxTypes, []string{"QueryxContext", "QueryRowxContext", "Select", "Get"}, 1, sinkQuery},
	{sqlxPath, sqlxTypes, []string{"SelectContext", "GetContext"}, 2, sinkQuery},
	{sqlxPath, sqlxTypes, []string{"MustExec", "NamedExec"}, 0, sinkExec},
	{sqlxPath, sqlxTypes, []string{"MustExecContext", "NamedExecContext"}, 1, sinkExec},
	{pgxPath, pgxTypes, []string{"Query", "QueryRow"}, 1, sinkQuery},
	{pgxPath, pgxTypes, []string{"Exec"}, 1, sinkExec},
	{pgxpoolPath, []string{"Pool"}, []string{"Query", "QueryRow"}, 1, sinkQuery},
	{pgxpoolPath, []string{"Pool"}, []string{"Exec"}, 1, sinkExec},
}

// sqlImports are the packages whose query APIs the SQL text rules follow.
var sqlImports = []string{"database/sql", sqlxPath, pgxPath, pgxpoolPath}

// sqlCall is a call that sends SQL text to the database.
type sqlCall struct {
	call   *ast.CallExpr
	cursor inspector.Cursor
	kind   sinkKind
	query  ast.Expr   // the SQL argument
	args   []ast.Expr // the bound arguments, nil when spread (args...)
	inTx   bool       // the receiver is a transaction
	text   queryText

	stmtsOnce sync.Once
	stmts     []statement
}

// sqlCallsAnalyzer finds the package's SQL calls once for all the SQL
// text rules, which require it. Like inspect.Analyzer it holds no state;
// its result computes on the first rule's question.
var sqlCallsAnalyzer = &analysis.Analyzer{
	Name:       "prodlint_sqlcalls",
	Doc:        "finds the calls of a package that send SQL whose text is known",
	Requires:   []*analysis.Analyzer{index.Analyzer},
	ResultType: reflect.TypeOf((*sqlScan)(nil)),
	Run: func(pass *analysis.Pass) (any, error) {
		return &sqlScan{info: pass.TypesInfo, idx: pass.ResultOf[index.Analyzer].(*index.Index)}, nil
	},
}

// sqlRequires is what a rule over sqlCalls requires.
var sqlRequires = []*analysis.Analyzer{sqlCallsAnalyzer}

// sqlScan is the result of sqlCallsAnalyzer.
type sqlScan struct {
	info  *types.Info
	idx   *index.Index
	once  sync.Once
	calls []*sqlCall
}

// sqlCalls returns the package's calls that send SQL whose text is known
// (see queryText), in source order, computed once per package.
func sqlCalls(p *rule.Pass) []*sqlCall {
	s := p.ResultOf[sqlCallsAnalyzer].(*sqlScan)
	s.once.Do(func() {
		qt := newTexts(s.info)
		for c := range s.idx.Calls() {
			sc := sinkCall(s.info, c)
			if sc == nil {
				continue
			}
			text, ok := qt.of(sc.query, c)
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
	for _, s := range sinks {
		for _, typ := range s.types {
			if !match.IsMethod(fn, s.pkg, typ, s.names...) || s.arg >= len(call.Args) {
				continue
			}
			sc := &sqlCall{call: call, cursor: c, kind: s.kind, query: call.Args[s.arg], inTx: typ == "Tx"}
			if !call.Ellipsis.IsValid() {
				sc.args = call.Args[s.arg+1:]
			}
			return sc
		}
	}
	return nil
}

// statements returns the statements of the call's SQL.
// The rules share the call, so the statements are split once.
func (sc *sqlCall) statements() []statement {
	sc.stmtsOnce.Do(func() { sc.stmts = statements(tokenize(sc.text.text)) })
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
