package ctxcheck

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/apis"
	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/fix"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
	"github.com/prodlint/prodlint/analyzers/internal/summary/ctxsum"
)

// Variant returns the ctx-variant rule.
func Variant() *rule.Rule {
	return &rule.Rule{
		ID:         "ctx-variant",
		Severity:   config.SeverityError,
		Enabled:    true,
		Requires:   []*analysis.Analyzer{ctxsum.Analyzer},
		Imports:    []string{"context", "net/http"},
		NewOptions: func() any { return &VariantOptions{} },
		Doc: rule.Doc{
			Title: "report calls that have a context-taking twin while a ctx is in scope",
			Why: `db.Query, http.NewRequest, exec.Command and net.Dial cannot be cancelled: when the client disconnects ` +
				`or the deadline passes, the query keeps its pool connection, the upstream call keeps its socket and the ` +
				`process keeps running, for a caller who has gone. Under load that work piles up until the pool and the ` +
				`queues are exhausted; this is how agents kept calling APIs after their callers had left ` +
				`(shared/WAR-STORIES.md). Their twins QueryContext, NewRequestWithContext, CommandContext and ` +
				`DialContext stop when the ctx ends. http.Get, Head, Post and PostForm cannot carry a context at all.`,
			Bad: `func (s *Store) Orders(ctx context.Context, user string) (*sql.Rows, error) {
	return s.db.Query("SELECT id, total FROM orders WHERE user_id = $1", user)
}`,
			Good: `func (s *Store) Orders(ctx context.Context, user string) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT id, total FROM orders WHERE user_id = $1", user)
}`,
			Scope: `The default tier is database/sql and sqlx calls that run a statement, begin a transaction or ping ` +
				`the database (Query, QueryRow, Exec, Begin, Ping and their sqlx forms): judged on modules the rule had never been tuned on, across ` +
				`five rounds, every such finding was right, while the other kinds of API together were right about one ` +
				`time in four (a request handed to a helper that attaches the ctx, a loopback dial, a child process that ` +
				`must outlive the call, a statement prepared and then run with a Context method, a twin that carries only ` +
				`values). They are reported with an option each: http, net, commands, sql-prepare, other-apis. ` +
				`Twins are found by types on the same receiver type or in the same package, so any third-party API of ` +
				`the F / F...Context shape is covered without a list.`,
			Fix: `Rewrites the call to its twin with the ctx in scope as first argument (a local context derived from ` +
				`the parameter, such as ctx from context.WithTimeout(r.Context(), d), then ctx, then r.Context(); in a ` +
				`function without one, a local context it gave its own deadline); ` +
				`the derived context only when the call's result stays in the function, since rows or a transaction ` +
				`returned to the caller would end when the function's deferred cancel runs: ` +
				`QueryContext(ctx, ...), NewRequestWithContext(ctx, ...), CommandContext(ctx, ...); ` +
				`(*sql.DB).Begin() becomes BeginTx(ctx, nil) and net.Dial(...) becomes ` +
				`(&net.Dialer{}).DialContext(ctx, ...). http.Get and friends get no fix: the request has to be built ` +
				`with http.NewRequestWithContext and sent with a client.`,
		},
		Quiet: rule.Declare(variantCollected, rule.Forms(variantQuiet), rule.Forms(variantScopeQuiet)),
		Run:   runVariant,
	}
}

func runVariant(p *rule.Pass) error {
	opts := rule.Options[VariantOptions](p)
	twins := newTwinFinder(p.Pkg, p.TypesInfo)
	done := newDoneIndex(p.TypesInfo)
	calls := newPackageCalls(p)
	for c := range p.Cursors((*ast.CallExpr)(nil)) {
		call := c.Node().(*ast.CallExpr)
		fn := match.Callee(p.TypesInfo, call)
		if fn == nil {
			continue
		}
		contextless := isContextlessHTTP(fn)
		var t *twin
		if !contextless {
			if t = twins.find(call, fn); t == nil {
				if p.Explaining() { // naming the form looks the twin up again, by name alone
					if form := twins.noTwinForm(call, fn); form != "" {
						rule.Decided(p, call, form)
					}
				}
				continue // no context-taking twin of the same shape
			}
		}
		src, miss := ctxInScopeWhy(p.TypesInfo, p.Pkg, c)
		if miss != ctxFound {
			// A deadline the function set is a ctx in scope, unless a
			// result that may hold it (rows, a transaction) outlives it.
			if local, ok := localDeadline(p.TypesInfo, p.Pkg, c); ok && (onlyErrorResult(fn.Signature()) || !resultLeaves(p.TypesInfo, c)) {
				src, miss = local, ctxFound
			}
		}
		if miss != ctxFound {
			if miss == ctxRebound {
				rule.Decided(p, call, "ctx-rebound-to-root")
			} else {
				rule.Decided(p, call, "no-ctx-in-scope")
			}
			continue
		}
		cand := variantCall{p, c, call, fn, t}
		if rule.Quiet(p, call, variantQuiet, cand) {
			continue
		}
		if rule.Quiet(p, call, variantScopeQuiet, variantInScope{cand, opts, src, done, calls}) {
			continue
		}
		if d := preferDerived(p.TypesInfo, p.Pkg, c, src); !resultLeaves(p.TypesInfo, c) {
			src = d // keep the deadline the function set, unless the result outlives it (rows, a tx)
		}
		if contextless {
			p.Report(call, fmt.Sprintf("%s cannot carry %s: when the caller gives up, the request keeps waiting on the "+
				"upstream; build it with http.NewRequestWithContext(%s, ...) and send it with the client's Do",
				apiName(fn), src.expr(), src.expr()))
			continue
		}
		msg := fmt.Sprintf("%s cannot be cancelled: when the caller gives up or its deadline passes, %s; use %s",
			apiName(fn), consequence(fn.Pkg().Path()), twinCall(t, src))
		if f, ok := variantFix(p, call, t, src); ok {
			p.Report(call, msg, f)
		} else {
			p.Report(call, msg)
		}
	}
	return nil
}

// insideTwin reports whether c is in the body of the twin itself, as in an
// adapter QueryContext(ctx, q) that checks ctx and then calls Query(q).
func insideTwin(info *types.Info, c inspector.Cursor, t *twin) bool {
	for fc := range c.Enclosing((*ast.FuncDecl)(nil)) {
		fn, _ := info.Defs[fc.Node().(*ast.FuncDecl).Name].(*types.Func)
		return fn != nil && (fn == t.fn || fn == t.fn.Origin())
	}
	return false
}

// isContextlessHTTP reports whether fn is an HTTP send (from the API
// tables) that builds and sends a request in one call, with no way to pass
// a context: it takes no *http.Request (http.Get, Client.Post).
func isContextlessHTTP(fn *types.Func) bool {
	if !apis.IsHTTPSend(fn) {
		return false
	}
	for v := range fn.Signature().Params().Variables() {
		if isRequest(v.Type()) {
			return false
		}
	}
	return true
}

// consequence says what keeps running when the caller has gone (from the
// API tables).
func consequence(pkgPath string) string {
	if c := apis.Cancelled(pkgPath); c != "" {
		return c
	}
	return "the call keeps running"
}

// twinCall is the call the message recommends.
func twinCall(t *twin, src ctxSource) string {
	switch t.shape {
	case nilOptions:
		return t.fn.Name() + "(" + src.expr() + ", nil)"
	case zeroDialer:
		return "(&net.Dialer{}).DialContext(" + src.expr() + ", ...)"
	}
	if sig := t.fn.Signature(); sig.Params().Len() == 1 && !sig.Variadic() {
		return t.fn.Name() + "(" + src.expr() + ")" // PingContext(ctx): the ctx is all it takes
	}
	return t.fn.Name() + "(" + src.expr() + ", ...)"
}

// apiName names a function as go doc does: pkg.F, (*pkg.T).M or pkg.T.M.
func apiName(fn *types.Func) string {
	qual := func(p *types.Package) string { return p.Name() }
	recv := fn.Signature().Recv()
	if recv == nil {
		return fn.Pkg().Name() + "." + fn.Name()
	}
	if ptr, ok := types.Unalias(recv.Type()).(*types.Pointer); ok {
		return "(*" + types.TypeString(ptr.Elem(), qual) + ")." + fn.Name()
	}
	return types.TypeString(recv.Type(), qual) + "." + fn.Name()
}

// variantFix rewrites the call to its twin, passing the ctx in scope first.
func variantFix(p *rule.Pass, call *ast.CallExpr, t *twin, src ctxSource) (analysis.SuggestedFix, bool) {
	var edits []analysis.TextEdit
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		if t.shape == zeroDialer {
			pkgName, ok := fun.X.(*ast.Ident)
			if !ok {
				return analysis.SuggestedFix{}, false
			}
			edits = append(edits, fix.Replace(fun, "(&"+pkgName.Name+".Dialer{}).DialContext"))
		} else {
			edits = append(edits, fix.Replace(fun.Sel, t.fn.Name()))
		}
	case *ast.Ident: // a function of this package, or a dot import
		if t.shape == zeroDialer {
			if fix.LookupAt(p.Pkg, call.Pos(), "Dialer") != t.fn.Pkg().Scope().Lookup("Dialer") {
				return analysis.SuggestedFix{}, false
			}
			edits = append(edits, fix.Replace(fun, "(&Dialer{}).DialContext"))
		} else {
			if fix.LookupAt(p.Pkg, call.Pos(), t.fn.Name()) != t.fn {
				return analysis.SuggestedFix{}, false // the twin's name is shadowed here
			}
			edits = append(edits, fix.Replace(fun, t.fn.Name()))
		}
	default:
		return analysis.SuggestedFix{}, false
	}
	edits = append(edits, ctxArgEdit(p.Fset, call, t, src))
	return fix.New("Call "+t.fn.Name()+" with "+src.expr(), edits...), true
}

// ctxArgEdit inserts the ctx as first argument, keeping the call's layout
// gofmt-clean when its arguments start on a line of their own.
func ctxArgEdit(fset *token.FileSet, call *ast.CallExpr, t *twin, src ctxSource) analysis.TextEdit {
	ctx := src.expr()
	if t.shape == nilOptions {
		ctx += ", nil"
	}
	if len(call.Args) == 0 {
		return fix.Insert(call.Lparen+1, ctx)
	}
	first := call.Args[0].Pos()
	if fset.Position(first).Line == fset.Position(call.Lparen).Line {
		return fix.Insert(first, ctx+", ")
	}
	return fix.Insert(first, ctx+",\n"+fix.Indent(fset, first))
}

// preparesInTx reports whether fn prepares a statement on a transaction
// (database/sql and sqlx Tx.Prepare, Tx.Stmt...): the transaction already
// holds its connection and ends with its own context (BeginTx), and
// preparing is a short round trip on it, so the twin changes nothing that
// matters.
func preparesInTx(fn *types.Func) bool {
	return match.IsMethod(fn, "database/sql", "Tx", "Prepare", "Stmt") ||
		match.IsMethod(fn, "github.com/jmoiron/sqlx", "Tx", "Prepare", "Preparex", "PrepareNamed", "Stmtx", "NamedStmt")
}

// resultLeaves reports whether the result of the call at c leaves the
// function: returned directly, or assigned to a variable the function
// returns or stores elsewhere. A context derived here (and cancelled by a
// deferred cancel) would end as the function returns, and with it the
// rows or the transaction the caller goes on to use.
func resultLeaves(info *types.Info, c inspector.Cursor) bool {
	for e := range c.Enclosing((*ast.ReturnStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		if _, ok := e.Node().(*ast.ReturnStmt); ok {
			return true
		}
		break
	}
	v := assignedVar(info, c)
	if v == nil {
		return false
	}
	owner, _, _ := match.EnclosingFunc(info, c)
	if !owner.Valid() {
		return false
	}
	for id := range owner.Preorder((*ast.Ident)(nil)) {
		if info.Uses[id.Node().(*ast.Ident)] != v {
			continue
		}
		switch id.ParentEdgeKind() {
		case edge.ReturnStmt_Results, edge.AssignStmt_Rhs, edge.CompositeLit_Elts, edge.KeyValueExpr_Value, edge.SendStmt_Value:
			return true
		}
	}
	return false
}
