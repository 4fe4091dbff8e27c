package concurrency

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/apis"
	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
	"github.com/prodlint/prodlint/analyzers/internal/summary/httpsum"
	"github.com/prodlint/prodlint/analyzers/internal/summary/sqlsum"
)

// PoolPerRequest returns the pool-per-request rule.
func PoolPerRequest() *rule.Rule {
	return &rule.Rule{
		ID:       "pool-per-request",
		Severity: config.SeverityError,
		Enabled:  true,
		Requires: []*analysis.Analyzer{sqlsum.Analyzer, httpsum.Analyzer},
		Doc: rule.Doc{
			Title: "report connection pools built per request or per loop iteration",
			Why: "sql.DB, http.Transport, redis.Client and grpc.ClientConn are pools: built once, they keep " +
				"connections warm and bound how many are open. Built inside a handler or a loop they start " +
				"cold every time, pay a connect, TLS handshake and authentication per call, and leave their " +
				"connections behind: a health check that opens a new database connection on every probe " +
				"exhausts the database's connections in minutes, and under load the connections opened " +
				"outgrow the database's limit.",
			Bad: "func handler(w http.ResponseWriter, r *http.Request) {\n\tdb, _ := sql.Open(\"postgres\", dsn)\n" +
				"\tdefer db.Close()\n\t// ...\n}",
			Good: "type server struct{ db *sql.DB } // opened once in main\n\n" +
				"func (s *server) handler(w http.ResponseWriter, r *http.Request) {\n\t// use s.db\n}",
			Scope: "A call of a " +
				"function, of this package or another analyzed with it, that opens a new *sql.DB on every call (sql.Open " +
				"in its body or in what it calls, returned to the caller) counts as building the pool, and the same quiet " +
				"forms apply to it. A call of a function that builds a new http.Transport on every call and returns " +
				"it, or a client over it (a newClient() helper, of this package or another package of the analyzed " +
				"module(s), directly or through what it calls), counts as building one where it is called; functions of " +
				"other modules are unknown.",
		},
		Quiet: rule.Declare(poolCollected, rule.Forms(poolBuildQuiet), rule.Forms(loopBuildQuiet)),
		Run:   runPoolPerRequest,
	}
}

// poolBuilt recognises the construction of a pool at c (a constructor of
// the API tables, an http.Transport, an http.Client that builds its own)
// and names it.
func poolBuilt(info *types.Info, sum *sqlsum.Result, c inspector.Cursor) (string, apis.Pool, bool) {
	switch n := c.Node().(type) {
	case *ast.CallExpr:
		fn := match.Callee(info, n)
		if fn == nil {
			return "", apis.Pool{}, false
		}
		if pool, ok := apis.PoolOf(fn); ok {
			return apiName(fn), pool, true
		}
		if f := sum.Func(fn); f != nil && f.Pool && f.Fresh { // a helper that opens a new *sql.DB per call
			if pool, ok := apis.TypePool(sqlPath, ""); ok {
				return apiName(fn) + " (which opens a new *sql.DB on every call)", pool, true
			}
		}
	case *ast.CompositeLit:
		t := info.TypeOf(n)
		httpPool, _ := apis.TypePool(httpPath, "Transport")
		if match.IsNamed(t, httpPath, "Transport") {
			return "http.Transport literal", httpPool, true
		}
		if match.IsNamed(t, httpPath, "Client") && buildsTransport(info, n) {
			return "http.Client with a Transport built by a call", httpPool, true
		}
	}
	return "", apis.Pool{}, false
}

// notPoolForm names the collected form that keeps c, which builds no pool,
// from being a candidate (for prodlint -explain): an http.Client literal
// with no Transport or a shared one, or a call of a function outside the
// pool libraries that returns a value of one of their types without
// opening it; "" for anything else.
func notPoolForm(info *types.Info, c inspector.Cursor) string {
	switch n := c.Node().(type) {
	case *ast.CompositeLit:
		if !match.IsNamed(info.TypeOf(n), httpPath, "Client") {
			return ""
		}
		if match.Field(n, "Transport") == nil {
			return "plain-client-literal"
		}
		return "shared-transport"
	case *ast.CallExpr:
		fn := match.Callee(info, n)
		if fn == nil || fn.Pkg() == nil || slices.Contains(apis.PoolPaths(), fn.Pkg().Path()) {
			return ""
		}
		for v := range fn.Signature().Results().Variables() {
			t := v.Type()
			if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
				t = ptr.Elem()
			}
			if named, ok := types.Unalias(t).(*types.Named); ok && named.Obj().Pkg() != nil &&
				slices.Contains(apis.PoolPaths(), named.Obj().Pkg().Path()) {
				if _, isPool := apis.TypePool(named.Obj().Pkg().Path(), named.Obj().Name()); isPool ||
					named.Obj().Pkg().Path() == sqlPath && named.Obj().Name() == "DB" {
					return "shared-pool-func"
				}
			}
		}
	}
	return ""
}

// apiName names a constructor as a reader knows it: sql.Open,
// redis.NewClient, http.Transport.Clone.
// builderCalled recognizes a call of a function that builds a new
// http.Transport on every call and returns it or a client over it (a
// newClient() helper), by its summary: of this package, or of another
// package of the analyzed module(s).
func builderCalled(p *rule.Pass, c inspector.Cursor) (string, apis.Pool, bool) {
	call, ok := c.Node().(*ast.CallExpr)
	if !ok {
		return "", apis.Pool{}, false
	}
	if kv, ok := c.Parent().Node().(*ast.KeyValueExpr); ok && kv.Value == call {
		if lit, ok := c.Parent().Parent().Node().(*ast.CompositeLit); ok && match.IsNamed(p.TypesInfo.TypeOf(lit), httpPath, "Client") {
			return "", apis.Pool{}, false // http.Client{Transport: build()}: the literal is the finding
		}
	}
	fn := match.Callee(p.TypesInfo, call)
	if fn == nil {
		return "", apis.Pool{}, false
	}
	sum, known := p.ResultOf[httpsum.Analyzer].(*httpsum.Result).Of(fn)
	if !known || !sum.FreshTransport {
		return "", apis.Pool{}, false
	}
	pool, _ := apis.TypePool(httpPath, "Transport")
	return match.APIName(fn, p.Pkg) + " (which builds a new http.Transport on every call)", pool, true
}

func apiName(fn *types.Func) string {
	name := fn.Pkg().Name() + "."
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			name += n.Obj().Name() + "."
		}
	}
	return name + fn.Name()
}

// buildsTransport reports whether an http.Client literal gets its Transport
// from a call returning a new *http.Transport (a literal or Clone is
// reported where it is built).
func buildsTransport(info *types.Info, lit *ast.CompositeLit) bool {
	kv := match.Field(lit, "Transport")
	if kv == nil {
		return false
	}
	call, ok := ast.Unparen(kv.Value).(*ast.CallExpr)
	if !ok || !match.IsPointerTo(info.TypeOf(call), httpPath, "Transport") {
		return false
	}
	return !callsMethod(info, call, httpPath, "Transport", "Clone")
}

func runPoolPerRequest(p *rule.Pass) error {
	sum := p.ResultOf[sqlsum.Analyzer].(*sqlsum.Result)
	if !importsAny(p.Pkg, apis.PoolPaths()) && !sum.ImportsPools() {
		return nil // no pool constructor here, nor an imported function that opens a pool
	}
	once := newRunOnce(p)
	for c := range p.Cursors((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil)) {
		api, kind, ok := poolBuilt(p.TypesInfo, sum, c)
		if !ok {
			api, kind, ok = builderCalled(p, c)
		}
		if !ok {
			if p.Explaining() { // naming the form looks at the loops and handler around every client and call
				if form := notPoolForm(p.TypesInfo, c); form != "" &&
					(enclosingHandler(p.TypesInfo, c).Valid() || inRepeatingLoop(p.TypesInfo, c)) {
					rule.Decided(p, c.Node(), form)
				}
			}
			continue
		}
		inHandler := enclosingHandler(p.TypesInfo, c).Valid()
		if !inHandler && !inRepeatingLoop(p.TypesInfo, c) {
			continue
		}
		if rule.Quiet(p, c.Node(), poolBuildQuiet, poolBuild{p, c}) {
			continue
		}
		where, per := "in an http handler", "request"
		if !inHandler {
			if decl := match.EnclosingFuncDecl(c); !decl.Valid() || rule.Quiet(p, c.Node(), loopBuildQuiet, loopBuild{once, decl, c}) {
				continue
			}
			where, per = "in a loop", "iteration"
		}
		p.Reportf(c.Node(), "%s %s builds a new %s per %s: every %s %s; %s",
			api, where, kind.What, per, per, kind.Failure, kind.Advice)
	}
	return nil
}

// inRepeatingLoop reports whether c is in a loop driven by input or by a
// configured count; a constant number of attempts (a retry loop) or a
// short literal builds a bounded number of pools.
func inRepeatingLoop(info *types.Info, c inspector.Cursor) bool {
	for _, l := range match.EnclosingLoops(c) {
		switch kind, _ := classifyLoop(info, l, smallRetryLoop); kind {
		case inputLoop, countLoop:
			return true
		}
	}
	return false
}

// repeatsOnlyAttemptCapped reports whether every loop around c that
// inRepeatingLoop counts as repeating is a for loop capped by attempts
// (attemptCapped).
func repeatsOnlyAttemptCapped(info *types.Info, c inspector.Cursor) bool {
	capped := false
	for _, l := range match.EnclosingLoops(c) {
		switch kind, _ := classifyLoop(info, l, smallRetryLoop); kind {
		case inputLoop, countLoop:
			if !attemptCapped(info, l) {
				return false
			}
			capped = true
		}
	}
	return capped
}

// attemptCapped reports whether l is a for loop with no condition that
// steps a counter from a constant (for i := 0; ; i++) and, in its body,
// leaves when the counter reaches a constant at most smallRetryLoop steps
// away: an if comparing the counter with the constant whose body ends in a
// return, or in a break that is not inside a nested loop, switch or select.
func attemptCapped(info *types.Info, l inspector.Cursor) bool {
	loop, ok := l.Node().(*ast.ForStmt)
	if !ok || loop.Cond != nil || loop.Init == nil || loop.Post == nil {
		return false
	}
	init, ok := loop.Init.(*ast.AssignStmt)
	post, ok2 := loop.Post.(*ast.IncDecStmt)
	if !ok || !ok2 || post.Tok != token.INC || len(init.Lhs) != 1 || len(init.Rhs) != 1 {
		return false
	}
	i := match.Var(info, init.Lhs[0])
	start, ok := constInt(info, init.Rhs[0])
	if i == nil || !ok || match.Var(info, post.X) != i {
		return false
	}
	capped := false
	bodyCur, _ := l.FindNode(loop.Body)
	bodyCur.Inspect([]ast.Node{(*ast.FuncLit)(nil), (*ast.IfStmt)(nil)}, func(c inspector.Cursor) bool {
		ifs, isIf := c.Node().(*ast.IfStmt)
		if !isIf {
			return false // a function literal runs elsewhere
		}
		if capped {
			return false
		}
		cond, ok := ifs.Cond.(*ast.BinaryExpr)
		if !ok || len(ifs.Body.List) == 0 {
			return true
		}
		var k ast.Expr
		switch {
		case match.Var(info, cond.X) == i && (cond.Op == token.EQL || cond.Op == token.GEQ || cond.Op == token.GTR):
			k = cond.Y
		case match.Var(info, cond.Y) == i && (cond.Op == token.EQL || cond.Op == token.LEQ || cond.Op == token.LSS):
			k = cond.X
		default:
			return true
		}
		end, ok := constInt(info, k)
		if !ok || end-start > smallRetryLoop || end < start {
			return true
		}
		switch last := ifs.Body.List[len(ifs.Body.List)-1].(type) {
		case *ast.ReturnStmt:
			capped = true
		case *ast.BranchStmt:
			capped = last.Tok == token.BREAK && last.Label == nil && !nestedBreakTarget(c, l)
		}
		return true
	})
	return capped
}

// nestedBreakTarget reports whether a break in c would leave a loop, switch
// or select nested inside loop rather than loop itself.
func nestedBreakTarget(c, loop inspector.Cursor) bool {
	for e := c.Parent(); e.Valid() && e != loop; e = e.Parent() {
		switch e.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			return true
		}
	}
	return false
}

// smallRetryLoop is the longest literal a loop may range over and still
// count as a fixed set for pool-per-request.
const smallRetryLoop = 16

// sqlPath is the import path of database/sql.
const sqlPath = "database/sql"

// importsAny reports whether pkg imports one of paths directly.
func importsAny(pkg *types.Package, paths []string) bool {
	for _, path := range paths {
		if match.Imports(pkg, path) {
			return true
		}
	}
	return false
}
