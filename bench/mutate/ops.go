package main

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"regexp"
	"strconv"
	"strings"
)

// operator turns one safe form into the bug a rule exists for.
type operator struct {
	Name string
	Rule string
	Doc  string
	// Cap, when set, lowers -cap for an operator with sites in every
	// package (a ctx parameter, a function to put a directive in): its
	// recall is measured on fewer mutants per module, so that the run
	// stays affordable.
	Cap   int
	visit func(s *scan, op *operator, n ast.Node)
}

const (
	httpPkg = "net/http"
	sqlPkg  = "database/sql"
)

// sqlAPIs are the query APIs sql rules know by type.
var sqlAPIs = []string{sqlPkg, "github.com/jmoiron/sqlx", "github.com/jackc/pgx"}

func isJWTPkg(path string) bool {
	return strings.HasPrefix(path, "github.com/golang-jwt/jwt") || strings.HasPrefix(path, "github.com/dgrijalva/jwt-go")
}

func isJWTType(t types.Type, names ...string) bool {
	p, n := named(t)
	if !isJWTPkg(p) {
		return false
	}
	for _, want := range names {
		if n == want {
			return true
		}
	}
	return false
}

var clientSends = []string{"Do", "Get", "Post", "PostForm", "Head"}

var credentialName = regexp.MustCompile(`(?i)(secret|token|passw|api_?key|access_?key|credential)`)

// operators returns every mutation operator, in rule order.
func operators() []*operator {
	return []*operator{
		{Name: "client-timeout-delete", Rule: "http-timeout", Doc: "delete the Timeout field of an http.Client literal", visit: opClientTimeout},
		{Name: "client-default", Rule: "http-timeout", Doc: "send through http.DefaultClient instead of the client", visit: opClientDefault},
		{Name: "err-check-delete", Rule: "http-error", Doc: "delete the `if err != nil` after a request is sent", visit: opErrCheck},
		{Name: "status-check-delete", Rule: "http-status", Doc: "delete the StatusCode check before the body is read", visit: opStatusCheck},
		{Name: "body-close-delete", Rule: "http-bodyclose", Doc: "delete `defer resp.Body.Close()`", visit: opBodyClose},
		{Name: "ctx-to-background", Cap: 3, Rule: "ctx-background", Doc: "pass context.Background() instead of the ctx parameter or r.Context()", visit: opCtxBackground},
		{Name: "newrequest-noctx", Rule: "ctx-variant", Doc: "http.NewRequestWithContext(ctx, …) → http.NewRequest(…)", visit: opNewRequest},
		{Name: "ctx-twin-drop", Cap: 3, Rule: "ctx-variant", Doc: "XContext(ctx, …) → X(…) where the twin exists", visit: opCtxTwin},
		{Name: "env-to-literal", Rule: "secret-literal", Doc: "replace os.Getenv of a credential by a generated key-shaped literal", visit: opEnvLiteral},
		{Name: "credential-field-literal", Cap: 3, Rule: "secret-literal", Doc: "set a credential-named string field to a generated key-shaped literal", visit: opCredentialField},
		{Name: "credential-logged", Rule: "secret-logged", Doc: "pass a credential-named value of the function to a log call in it", visit: opCredentialLogged},
		{Name: "jwt-exp-delete", Rule: "jwt-no-expiry", Doc: "delete the expiry claim of a JWT (ExpiresAt / \"exp\")", visit: opJWTExp},
		{Name: "jwt-exp-years", Rule: "jwt-no-expiry", Doc: "set the expiry claim of a JWT ten years from now (ExpiresAt / \"exp\", in the claims type's form)", visit: opJWTExpYears},
		{Name: "jwt-validmethods-drop", Rule: "jwt-unverified", Doc: "drop jwt.WithValidMethods from a parse, or the ValidMethods of a jwt.Parser", visit: opJWTValidMethods},
		{Name: "jwt-method-check-delete", Rule: "jwt-unverified", Doc: "delete the token.Method / token.Header[\"alg\"] check of a Keyfunc", visit: opJWTMethodCheck},
		{Name: "jwt-skip-claims", Rule: "jwt-unverified", Doc: "add jwt.WithoutClaimsValidation() to a Parse, ParseWithClaims or NewParser (an expired token is accepted)", visit: opJWTSkipClaims},
		{Name: "jwt-parse-unverified", Rule: "jwt-unverified", Doc: "replace a verifying Parse / ParseWithClaims by ParseUnverified (the claims are trusted unsigned)", visit: opJWTParseUnverified},
		{Name: "setlimit-delete", Rule: "goroutine-unbounded", Doc: "delete errgroup.Group.SetLimit", visit: opSetLimit},
		{Name: "semaphore-delete", Rule: "goroutine-unbounded", Doc: "delete the semaphore acquire before a go statement in a loop", visit: opSemaphore},
		{Name: "loop-body-go", Rule: "goroutine-unbounded", Doc: "run the network call of a loop over a list from the data in a goroutine per element", visit: opLoopBodyGo},
		{Name: "setmaxopen-delete", Rule: "sql-pool-unbounded", Doc: "delete db.SetMaxOpenConns", visit: opSetMaxOpen},
		{Name: "setmaxopen-zero", Rule: "sql-pool-unbounded", Doc: "pass 0 (no limit) to db.SetMaxOpenConns", visit: opSetMaxOpenZero},
		{Name: "pool-in-handler", Rule: "pool-per-request", Doc: "send through a client with a new http.Transport built in the handler", visit: opPoolInHandler},
		{Name: "pool-in-loop", Rule: "pool-per-request", Doc: "send through a client with a new http.Transport built in the loop", visit: opPoolInHandler},
		{Name: "sql-open-in-handler", Rule: "pool-per-request", Doc: "query through a *sql.DB opened with sql.Open in the handler instead of the shared pool", visit: opSQLOpenPerRequest},
		{Name: "sql-open-in-loop", Rule: "pool-per-request", Doc: "query through a *sql.DB opened with sql.Open in the loop instead of the shared pool", visit: opSQLOpenPerRequest},
		{Name: "server-timeouts-delete", Rule: "server-timeout", Doc: "delete the timeout fields of an http.Server literal", visit: opServerTimeouts},
		{Name: "maxbytes-delete", Rule: "request-body-unbounded", Doc: "delete `r.Body = http.MaxBytesReader(…)`", visit: opMaxBytes},
		{Name: "limit-unwrap", Rule: "request-body-unbounded", Doc: "unwrap io.LimitReader / http.MaxBytesReader around r.Body", visit: opLimitUnwrap},
		{Name: "maxbytes-middleware-delete", Rule: "request-body-unbounded", Doc: "delete the body limit of a middleware (r.Body = http.MaxBytesReader in a func of http.Handler; http.MaxBytesHandler(h, n) → h)", visit: opMaxBytesMiddleware},
		{Name: "listen-default", Rule: "server-timeout", Doc: "serve through http.ListenAndServe / http.Serve with the server's Addr and Handler instead of the server", visit: opListenDefault},
		{Name: "listen-default-main", Rule: "no-graceful-shutdown", Doc: "in package main, serve through http.ListenAndServe / http.Serve instead of the server", visit: opListenDefault},
		{Name: "shutdown-delete", Rule: "no-graceful-shutdown", Doc: "delete the http.Server.Shutdown call in package main", visit: opShutdown},
		{Name: "shutdown-to-close", Rule: "no-graceful-shutdown", Doc: "replace the http.Server.Shutdown call in package main by Close", visit: opShutdownToClose},
		{Name: "tls-skip-verify", Rule: "tls-insecure", Doc: "set InsecureSkipVerify: true in a tls.Config literal", visit: opTLSSkip},
		{Name: "tls-min-version", Rule: "tls-insecure", Doc: "lower a tls.Config MinVersion to TLS 1.0", visit: opTLSMin},
		{Name: "sleep-delete", Rule: "retry-no-backoff", Doc: "delete the sleep / time.After wait of a retry loop", visit: opSleep},
		{Name: "retry-cap-delete", Rule: "retry-unbounded", Doc: "delete the attempt condition of a retry loop", visit: opRetryCap},
		{Name: "retry-ctx-delete", Rule: "retry-unbounded", Doc: "delete the ctx.Done case / ctx.Err check of an endless retry loop", visit: opRetryCtx},
		{Name: "select-star", Rule: "sql-select-star", Doc: "replace a query's column list by *", visit: opSelectStar},
		{Name: "like-leading-wildcard", Rule: "sql-like-wildcard", Doc: "add a leading % to a LIKE pattern", visit: opLike},
		{Name: "like-contains", Rule: "sql-like-wildcard", Doc: "turn `col = $1` on a bound string into `col LIKE $1` bound to \"%\" + q + \"%\"", visit: opLikeContains},
		{Name: "query-into-loop", Rule: "sql-in-loop", Doc: "run a SELECT of the function (or a call of a function of the package that runs one) again per element of a loop over a list from the data, the argument taken from the element", visit: opQueryIntoLoop},
		{Name: "query-into-rows-loop", Rule: "sql-in-loop", Doc: "run a SELECT of the function (or a call of a function of the package that runs one) again per row of a `for rows.Next()` loop of the function, the argument taken from a scanned column", visit: opQueryIntoRowsLoop},
		{Name: "helper-into-rows-loop", Rule: "sql-in-loop", Doc: "call, per row of a `for rows.Next()` loop, a function of the package that runs a SELECT bound to one of its parameters, given a scanned value", visit: opHelperIntoRowsLoop},
		{Name: "helper-into-loop", Rule: "sql-in-loop", Doc: "call, per element of a loop over a list from the data, a function of the package that runs a SELECT bound to one of its parameters, given the element", visit: opHelperIntoLoop},
		{Name: "rows-close-delete", Rule: "sql-rows-close", Doc: "delete `defer rows.Close()`", visit: opRowsClose},
		{Name: "rows-err-delete", Rule: "sql-rows-err", Doc: "replace rows.Err() by error(nil)", visit: opRowsErr},
		{Name: "concurrently-drop", Rule: "migration-lock", Doc: "delete CONCURRENTLY from a CREATE INDEX in SQL text", visit: opMigrationDrop},
		{Name: "index-split", Rule: "migration-lock", Doc: "move a CREATE INDEX out of the SQL text that creates its table into an Exec of its own (an index added to a table that holds data)", visit: opIndexSplit},
		{Name: "not-valid-drop", Rule: "migration-lock", Doc: "delete NOT VALID from an ADD CONSTRAINT in SQL text", visit: opMigrationDrop},
		{Name: "add-column-volatile", Rule: "migration-lock", Doc: "give a column an ALTER TABLE adds with a constant DEFAULT a volatile default of its type (gen_random_uuid(), clock_timestamp(), nextval())", visit: opAddColumnVolatile},
		{Name: "ignore-stale", Cap: 1, Rule: "ignore-directive", Doc: "write a //prodlint:ignore with a reason above a function's first statement, where the rule it names has no finding", visit: opIgnoreStale},
	}
}

// --- http-timeout

func opClientTimeout(s *scan, op *operator, n ast.Node) {
	lit, ok := n.(*ast.CompositeLit)
	if !ok || !isType(s.typeOf(lit), httpPkg, "Client") {
		return
	}
	for i, e := range lit.Elts {
		if keyName(e) == "Timeout" {
			s.add(op, e, []edit{s.deleteElt(lit, i)})
		}
	}
}

func opClientDefault(s *scan, op *operator, n ast.Node) {
	call, ok := n.(*ast.CallExpr)
	if !ok || !isMethod(s.callee(call), httpPkg, "Client", clientSends...) {
		return
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || isDefaultClient(s, sel.X) {
		return
	}
	if _, isLit := ast.Unparen(sel.X).(*ast.UnaryExpr); isLit {
		return
	}
	name, need, ok := s.importName(httpPkg, "http")
	if !ok {
		return
	}
	s.add(op, call, []edit{s.replace(sel.X, name+".DefaultClient")}, imports(need, httpPkg)...)
}

func isDefaultClient(s *scan, e ast.Expr) bool {
	var id *ast.Ident
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel
	}
	if id == nil {
		return false
	}
	v, ok := s.info().Uses[id].(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == httpPkg && v.Name() == "DefaultClient"
}

func imports(need bool, path string) []string {
	if need {
		return []string{path}
	}
	return nil
}

// --- http-error, http-status, http-bodyclose

// returnsResponse reports whether call returns (*http.Response, error).
func returnsResponse(s *scan, call *ast.CallExpr) bool {
	tup, ok := s.typeOf(call).(*types.Tuple)
	return ok && tup.Len() == 2 && isType(tup.At(0).Type(), httpPkg, "Response") && isErrorType(tup.At(1).Type())
}

func isErrorType(t types.Type) bool { return types.Identical(t, types.Universe.Lookup("error").Type()) }

func opErrCheck(s *scan, op *operator, n ast.Node) {
	block, ok := n.(*ast.BlockStmt)
	if !ok {
		return
	}
	for i := 0; i+1 < len(block.List); i++ {
		as, ok := block.List[i].(*ast.AssignStmt)
		if !ok || len(as.Lhs) != 2 || len(as.Rhs) != 1 {
			continue
		}
		call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		if !ok || !returnsResponse(s, call) {
			continue
		}
		errID, ok := as.Lhs[1].(*ast.Ident)
		if !ok || errID.Name == "_" {
			continue
		}
		ifs, ok := block.List[i+1].(*ast.IfStmt)
		if !ok || ifs.Init != nil || ifs.Else != nil || !isNotNil(s, ifs.Cond, errID) {
			continue
		}
		s.stack = append(s.stack, ifs)
		s.add(op, ifs, []edit{{s.off(ifs.Pos()), s.off(ifs.End()), ""}})
		s.setVia(s.via(call, httpPkg))
		s.stack = s.stack[:len(s.stack)-1]
	}
}

// isNotNil reports whether cond is `id != nil` for id's variable.
func isNotNil(s *scan, cond ast.Expr, id *ast.Ident) bool {
	be, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || be.Op != token.NEQ {
		return false
	}
	x, ok := be.X.(*ast.Ident)
	if !ok || s.info().ObjectOf(x) != s.info().ObjectOf(id) {
		return false
	}
	y, ok := be.Y.(*ast.Ident)
	return ok && y.Name == "nil"
}

func opStatusCheck(s *scan, op *operator, n ast.Node) {
	ifs, ok := n.(*ast.IfStmt)
	if !ok || ifs.Else != nil {
		return
	}
	var resp types.Object
	ast.Inspect(ifs.Cond, func(m ast.Node) bool {
		sel, ok := m.(*ast.SelectorExpr)
		if ok && sel.Sel.Name == "StatusCode" && isType(s.typeOf(sel.X), httpPkg, "Response") {
			if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok {
				resp = s.info().ObjectOf(id)
			}
		}
		return resp == nil
	})
	if resp == nil || testsSuccess(s.info(), ifs.Cond, resp) {
		return
	}
	_, body := s.innermostFunc()
	if body == nil {
		return
	}
	closes := map[ast.Node]bool{} // resp.Body in resp.Body.Close() is not a read
	ast.Inspect(body, func(m ast.Node) bool {
		if sel, ok := m.(*ast.SelectorExpr); ok && sel.Sel.Name == "Close" {
			closes[ast.Unparen(sel.X)] = true
		}
		return true
	})
	readLater := contains(body, false, func(m ast.Node) bool {
		sel, ok := m.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Body" || sel.Pos() < ifs.End() || closes[sel] {
			return false
		}
		id, ok := ast.Unparen(sel.X).(*ast.Ident)
		return ok && s.info().ObjectOf(id) == resp
	})
	if !readLater {
		return
	}
	if e, ok := s.deleteStmt(ifs); ok {
		s.add(op, ifs, e)
		if c := s.definingCall(body, resp); c != nil {
			s.setVia(s.via(c, httpPkg))
		}
	}
}

// testsSuccess reports whether cond compares resp.StatusCode with == to a
// 2xx constant (if resp.StatusCode == http.StatusOK { ... }): such an if
// holds the success path, not a check that turns a bad status away, and
// deleting it deletes what the code does with a good answer instead of
// putting the missing status check back in.
func testsSuccess(info *types.Info, cond ast.Expr, resp types.Object) bool {
	return contains(cond, true, func(m ast.Node) bool {
		b, ok := m.(*ast.BinaryExpr)
		if !ok || b.Op != token.EQL {
			return false
		}
		for _, pair := range [][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
			sel, ok := ast.Unparen(pair[0]).(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "StatusCode" {
				continue
			}
			if id, ok := ast.Unparen(sel.X).(*ast.Ident); !ok || info.ObjectOf(id) != resp {
				continue
			}
			val := info.Types[pair[1]].Value
			if val == nil || val.Kind() != constant.Int {
				continue
			}
			if v, ok := constant.Int64Val(val); ok && v >= 200 && v < 300 {
				return true
			}
		}
		return false
	})
}

func opBodyClose(s *scan, op *operator, n ast.Node) {
	d, ok := n.(*ast.DeferStmt)
	if !ok {
		return
	}
	var resp types.Object
	if !contains(d.Call, false, func(m ast.Node) bool {
		call, ok := m.(*ast.CallExpr)
		if !ok {
			return false
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Close" {
			return false
		}
		body, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
		if !ok || body.Sel.Name != "Body" || !isType(s.typeOf(body.X), httpPkg, "Response") {
			return false
		}
		if id, isID := ast.Unparen(body.X).(*ast.Ident); isID {
			resp = s.info().ObjectOf(id)
		}
		return true
	}) {
		return
	}
	if e, ok := s.deleteStmt(d); ok {
		s.add(op, d, e)
		if _, fbody := s.innermostFunc(); fbody != nil && resp != nil {
			if c := s.definingCall(fbody, resp); c != nil {
				s.setVia(s.via(c, httpPkg))
			}
		}
	}
}

// --- ctx-background, ctx-variant

func opCtxBackground(s *scan, op *operator, n ast.Node) {
	call, ok := n.(*ast.CallExpr)
	if !ok {
		return
	}
	ft, _ := s.innermostFunc()
	if ft == nil {
		return
	}
	for _, a := range call.Args {
		a = ast.Unparen(a)
		use := false
		switch x := a.(type) {
		case *ast.Ident:
			v, ok := s.info().Uses[x].(*types.Var)
			use = ok && isContext(v.Type()) && v.Pos() >= ft.Params.Pos() && v.Pos() < ft.Params.End()
		case *ast.CallExpr:
			use = isMethod(s.callee(x), httpPkg, "Request", "Context")
		}
		if !use {
			continue
		}
		name, need, ok := s.importName("context", "context")
		if !ok {
			return
		}
		s.add(op, a, []edit{s.replace(a, name+".Background()")}, imports(need, "context")...)
		return
	}
}

func opNewRequest(s *scan, op *operator, n ast.Node) {
	call, ok := n.(*ast.CallExpr)
	if !ok || len(call.Args) != 4 || !isFunc(s.callee(call), httpPkg, "NewRequestWithContext") {
		return
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return
	}
	s.add(op, call, []edit{
		{s.off(sel.Sel.Pos()), s.off(sel.Sel.End()), "NewRequest"},
		s.deleteArg(call, 0),
	})
}

// opCtxTwin drops the ctx of a call to XContext(ctx, …) or XWithContext when
// the same receiver or package has X with the remaining parameters.
func opCtxTwin(s *scan, op *operator, n ast.Node) {
	call, ok := n.(*ast.CallExpr)
	if !ok || len(call.Args) == 0 || call.Ellipsis.IsValid() {
		return
	}
	fn := s.callee(call)
	if fn == nil || fn.Pkg() == nil || fn.Name() == "NewRequestWithContext" {
		return
	}
	base := ""
	for _, suf := range []string{"WithContext", "Context"} {
		if b, ok := strings.CutSuffix(fn.Name(), suf); ok && b != "" {
			base = b
			break
		}
	}
	sig := fn.Type().(*types.Signature)
	if base == "" || sig.Params().Len() == 0 || !isContext(sig.Params().At(0).Type()) {
		return
	}
	if c, ok := ast.Unparen(call.Args[0]).(*ast.CallExpr); ok && isFunc(s.callee(c), "context", "Background", "TODO") {
		return // no ctx in scope to lose
	}
	var twin types.Object
	if sig.Recv() != nil {
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return
		}
		twin, _, _ = types.LookupFieldOrMethod(s.typeOf(sel.X), true, fn.Pkg(), base)
	} else {
		twin = fn.Pkg().Scope().Lookup(base)
	}
	tf, ok := twin.(*types.Func)
	if !ok || !tf.Exported() {
		return
	}
	tsig := tf.Type().(*types.Signature)
	if tsig.Params().Len() != sig.Params().Len()-1 || tsig.Variadic() != sig.Variadic() || !types.Identical(tsig.Results(), sig.Results()) {
		return
	}
	for i := 0; i < tsig.Params().Len(); i++ {
		if !types.Identical(tsig.Params().At(i).Type(), sig.Params().At(i+1).Type()) {
			return
		}
	}
	var nameID *ast.Ident
	switch f := call.Fun.(type) {
	case *ast.SelectorExpr:
		nameID = f.Sel
	case *ast.Ident:
		nameID = f
	default:
		return
	}
	s.add(op, call, []edit{{s.off(nameID.Pos()), s.off(nameID.End()), base}, s.deleteArg(call, 0)})
}

// --- secret-literal

func opEnvLiteral(s *scan, op *operator, n ast.Node) {
	call, ok := n.(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || !isFunc(s.callee(call), "os", "Getenv") {
		return
	}
	tv := s.info().Types[call.Args[0]]
	if tv.Value == nil || tv.Value.Kind() != constant.String || !credentialName.MatchString(constant.StringVal(tv.Value)) {
		return
	}
	s.add(op, call, []edit{s.replace(call, secretPlaceholder)})
}

// secretPlaceholder marks where the run writes a generated fake key (see
// fakeKey): the key itself is built at run time, never stored.
const secretPlaceholder = "\x00SECRET\x00"

func opCredentialField(s *scan, op *operator, n ast.Node) {
	switch x := n.(type) {
	case *ast.KeyValueExpr:
		id, ok := x.Key.(*ast.Ident)
		if !ok || !credentialName.MatchString(id.Name) {
			return
		}
		if _, isField := s.info().Uses[id].(*types.Var); !isField {
			return
		}
		if !isStringExpr(s, x.Value) {
			return
		}
		s.add(op, x, []edit{s.replace(x.Value, secretPlaceholder)})
	case *ast.AssignStmt:
		if len(x.Lhs) != 1 || len(x.Rhs) != 1 || x.Tok != token.ASSIGN {
			return
		}
		sel, ok := x.Lhs[0].(*ast.SelectorExpr)
		if !ok || !credentialName.MatchString(sel.Sel.Name) || !isStringExpr(s, x.Rhs[0]) {
			return
		}
		s.add(op, x, []edit{s.replace(x.Rhs[0], secretPlaceholder)})
	}
}

// isStringExpr is a non-constant expression of a string type (a value read
// at run time, which the mutant turns into a literal).
func isStringExpr(s *scan, e ast.Expr) bool {
	tv, ok := s.info().Types[e]
	if !ok || tv.Value != nil {
		return false
	}
	b, ok := tv.Type.Underlying().(*types.Basic)
	return ok && b.Kind() == types.String
}

// logFuncs are the names of printf- and key-value-style logging calls.
var logFuncs = map[string]bool{
	"Printf": true, "Print": true, "Println": true, "Fatalf": true, "Panicf": true,
	"Infof": true, "Warnf": true, "Errorf": true, "Debugf": true, "Tracef": true, "Warningf": true,
	"Info": true, "Warn": true, "Error": true, "Debug": true, "Trace": true, "Warning": true,
}

// notCredential: names that hold facts about a credential, not the
// credential (TokenFile, PasswordHash, SecretName, TokenType, AccessKeyID).
var notCredential = regexp.MustCompile(`(?i)(file|path|dir|type|url|uri|name|id|len|count|header|field|hash|expir|ttl|endpoint|tokens|mode|enabled|source|env)$`)

func lastResult(fn *types.Func) types.Type {
	res := fn.Type().(*types.Signature).Results()
	if res.Len() == 0 {
		return nil
	}
	return res.At(res.Len() - 1).Type()
}

// opCredentialLogged appends a credential-named string the function uses
// (cfg.Password, token) to a variadic logging call after it.
func opCredentialLogged(s *scan, op *operator, n ast.Node) {
	fd, ok := n.(*ast.FuncDecl)
	if !ok || fd.Body == nil {
		return
	}
	var cred ast.Expr
	ast.Inspect(fd.Body, func(m ast.Node) bool {
		if cred != nil {
			return false
		}
		var name string
		switch x := m.(type) {
		case *ast.SelectorExpr:
			name = x.Sel.Name
		case *ast.Ident:
			if _, ok := s.info().Uses[x].(*types.Var); ok {
				name = x.Name
			}
		default:
			return true
		}
		if credentialName.MatchString(name) && !notCredential.MatchString(name) && isStringExpr(s, m.(ast.Expr)) {
			if _, isPkg := m.(*ast.SelectorExpr); isPkg {
				if id, ok := m.(*ast.SelectorExpr).X.(*ast.Ident); ok {
					if _, ok := s.info().Uses[id].(*types.PkgName); ok {
						return true
					}
				}
			}
			cred = m.(ast.Expr)
		}
		return cred == nil
	})
	if cred == nil {
		return
	}
	text := s.text(cred)
	ast.Inspect(fd.Body, func(m ast.Node) bool {
		call, ok := m.(*ast.CallExpr)
		if !ok || call.Pos() < cred.End() || call.Ellipsis.IsValid() {
			return true
		}
		fn := s.callee(call)
		if fn == nil || !logFuncs[fn.Name()] || fn.Pkg() == nil || isFunc(fn, "fmt", "Errorf") || isErrorType(lastResult(fn)) {
			return true // an error built, not a line logged
		}
		sig := fn.Type().(*types.Signature)
		if !sig.Variadic() {
			return true
		}
		if sl, ok := sig.Params().At(sig.Params().Len() - 1).Type().(*types.Slice); !ok || !types.IsInterface(sl.Elem()) {
			return true
		}
		arg := ", " + text
		if !strings.HasSuffix(fn.Name(), "f") && !strings.HasPrefix(fn.Name(), "Print") {
			arg = fmt.Sprintf(", %q, %s", "credential", text)
		}
		o := s.off(call.Rparen)
		s.stack = append(s.stack, call)
		s.add(op, call, []edit{{o, o, arg}})
		s.stack = s.stack[:len(s.stack)-1]
		return true
	})
}

// --- jwt

func opJWTExp(s *scan, op *operator, n ast.Node) {
	switch x := n.(type) {
	case *ast.CompositeLit:
		t := s.typeOf(x)
		switch {
		case isJWTType(t, "RegisteredClaims", "StandardClaims"):
			for i, e := range x.Elts {
				if keyName(e) == "ExpiresAt" {
					s.add(op, e, []edit{s.deleteElt(x, i)})
				}
			}
		case isJWTType(t, "MapClaims"):
			for i, e := range x.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok && isStringConst(s, kv.Key, "exp") {
					s.add(op, e, []edit{s.deleteElt(x, i)})
				}
			}
		}
	case *ast.AssignStmt:
		if len(x.Lhs) != 1 {
			return
		}
		hit := false
		switch l := x.Lhs[0].(type) {
		case *ast.SelectorExpr:
			// claims.ExpiresAt, also promoted from claims embedded in the
			// application's own claims struct
			hit = l.Sel.Name == "ExpiresAt" && (isJWTType(s.typeOf(l.X), "RegisteredClaims", "StandardClaims") || isJWTField(s, l))
		case *ast.IndexExpr:
			hit = isJWTType(s.typeOf(l.X), "MapClaims") && isStringConst(s, l.Index, "exp")
		}
		if hit {
			if e, ok := s.deleteStmt(x); ok {
				s.add(op, x, e)
			}
		}
	}
}

// isJWTField: sel selects a field declared in a JWT package (promoted
// through an embedded claims struct, or not).
func isJWTField(s *scan, sel *ast.SelectorExpr) bool {
	so := s.info().Selections[sel]
	if so == nil || so.Kind() != types.FieldVal {
		return false
	}
	f := so.Obj()
	return f.Pkg() != nil && isJWTPkg(f.Pkg().Path())
}

func isStringConst(s *scan, e ast.Expr, want string) bool {
	tv := s.info().Types[e]
	return tv.Value != nil && tv.Value.Kind() == constant.String && constant.StringVal(tv.Value) == want
}

func opJWTValidMethods(s *scan, op *operator, n ast.Node) {
	switch x := n.(type) {
	case *ast.CompositeLit: // &jwt.Parser{ValidMethods: …}
		if isJWTType(s.typeOf(x), "Parser") {
			for i, e := range x.Elts {
				if keyName(e) == "ValidMethods" {
					s.add(op, e, []edit{s.deleteElt(x, i)})
				}
			}
		}
		return
	case *ast.AssignStmt: // p.ValidMethods = …
		if len(x.Lhs) == 1 {
			if l, ok := x.Lhs[0].(*ast.SelectorExpr); ok && l.Sel.Name == "ValidMethods" && isJWTField(s, l) {
				if e, ok := s.deleteStmt(x); ok {
					s.add(op, x, e)
				}
			}
		}
		return
	}
	call, ok := n.(*ast.CallExpr)
	if !ok {
		return
	}
	for i, a := range call.Args {
		inner, ok := ast.Unparen(a).(*ast.CallExpr)
		if !ok {
			continue
		}
		if fn := s.callee(inner); fn != nil && fn.Pkg() != nil && isJWTPkg(fn.Pkg().Path()) && fn.Name() == "WithValidMethods" {
			s.add(op, a, []edit{s.deleteArg(call, i)})
		}
	}
}

func opJWTMethodCheck(s *scan, op *operator, n ast.Node) {
	ifs, ok := n.(*ast.IfStmt)
	if !ok || ifs.Else != nil {
		return
	}
	isMethodSel := func(m ast.Node) bool {
		switch x := m.(type) {
		case *ast.SelectorExpr: // token.Method
			return x.Sel.Name == "Method" && isJWTType(s.typeOf(x.X), "Token")
		case *ast.IndexExpr: // token.Header["alg"]
			sel, ok := x.X.(*ast.SelectorExpr)
			return ok && sel.Sel.Name == "Header" && isJWTType(s.typeOf(sel.X), "Token") && isStringConst(s, x.Index, "alg")
		}
		return false
	}
	if !contains(ifs.Cond, false, isMethodSel) && (ifs.Init == nil || !contains(ifs.Init, false, isMethodSel)) {
		return
	}
	if e, ok := s.deleteStmt(ifs); ok {
		s.add(op, ifs, e)
	}
}

// --- concurrency

func opSetLimit(s *scan, op *operator, n ast.Node) {
	es, ok := n.(*ast.ExprStmt)
	if !ok {
		return
	}
	call, ok := es.X.(*ast.CallExpr)
	if !ok || !isMethod(s.callee(call), "golang.org/x/sync/errgroup", "Group", "SetLimit") {
		return
	}
	if e, ok := s.deleteStmt(es); ok {
		s.add(op, es, e)
	}
}

func opSemaphore(s *scan, op *operator, n ast.Node) {
	var at ast.Node // the acquire
	var edits []edit
	switch x := n.(type) {
	case *ast.SendStmt: // sem <- struct{}{}
		ch, ok := s.typeOf(x.Chan).Underlying().(*types.Chan)
		if !ok {
			return
		}
		if st, ok := ch.Elem().Underlying().(*types.Struct); !ok || st.NumFields() != 0 {
			return
		}
		e, ok := s.deleteStmt(x)
		if !ok {
			return
		}
		at, edits = x, e
	case *ast.CallExpr: // sem.Acquire(ctx, n)
		if !isMethod(s.callee(x), "golang.org/x/sync/semaphore", "Weighted", "Acquire") {
			return
		}
		if es, ok := s.parent(1).(*ast.ExprStmt); ok {
			s.stack = s.stack[:len(s.stack)-1]
			e, ok := s.deleteStmt(es)
			s.stack = append(s.stack, x)
			if !ok {
				return
			}
			at, edits = x, e
		} else {
			at, edits = x, []edit{s.replace(x, "error(nil)")}
		}
	default:
		return
	}
	loop, body := s.enclosingLoop()
	if loop == nil || !contains(body, true, func(m ast.Node) bool { _, ok := m.(*ast.GoStmt); return ok && m.Pos() > at.Pos() }) {
		return
	}
	s.add(op, at, edits)
}

func opSetMaxOpen(s *scan, op *operator, n ast.Node) {
	es, ok := n.(*ast.ExprStmt)
	if !ok {
		return
	}
	call, ok := es.X.(*ast.CallExpr)
	if !ok || !isMethod(s.callee(call), sqlPkg, "DB", "SetMaxOpenConns") {
		return
	}
	if e, ok := s.deleteStmt(es); ok {
		s.add(op, es, e)
	}
}

// opSetMaxOpenZero passes 0 to SetMaxOpenConns: the documented "no limit",
// the value a setting left at its zero default gives.
func opSetMaxOpenZero(s *scan, op *operator, n ast.Node) {
	call, ok := n.(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || !isMethod(s.callee(call), sqlPkg, "DB", "SetMaxOpenConns") {
		return
	}
	if tv := s.info().Types[call.Args[0]]; tv.Value != nil && constant.Sign(tv.Value) <= 0 {
		return // already unlimited
	}
	s.add(op, call, []edit{s.replace(call.Args[0], "0")})
}

func opPoolInHandler(s *scan, op *operator, n ast.Node) {
	call, ok := n.(*ast.CallExpr)
	if !ok || !isMethod(s.callee(call), httpPkg, "Client", clientSends...) {
		return
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return
	}
	if _, isLit := ast.Unparen(sel.X).(*ast.UnaryExpr); isLit {
		return
	}
	if op.Name == "pool-in-handler" {
		ft, _ := s.innermostFunc()
		if ft == nil || !isHandler(s, ft) {
			return
		}
	} else if loop, _ := s.enclosingLoop(); loop == nil {
		return
	}
	name, need, ok := s.importName(httpPkg, "http")
	if !ok {
		return
	}
	s.add(op, call, []edit{s.replace(sel.X, "(&"+name+".Client{Transport: &"+name+".Transport{}, Timeout: 30e9})")}, imports(need, httpPkg)...)
}

// isHandler: the function serves a request (an http.ResponseWriter and an
// *http.Request among its parameters).
func isHandler(s *scan, ft *ast.FuncType) bool {
	w, r := false, false
	for _, f := range ft.Params.List {
		t := s.typeOf(f.Type)
		w = w || isType(t, httpPkg, "ResponseWriter")
		r = r || isType(t, httpPkg, "Request")
	}
	return w && r
}

// --- server

var serverTimeouts = map[string]bool{"ReadTimeout": true, "ReadHeaderTimeout": true, "WriteTimeout": true, "IdleTimeout": true}

func opServerTimeouts(s *scan, op *operator, n ast.Node) {
	lit, ok := n.(*ast.CompositeLit)
	if !ok || !isType(s.typeOf(lit), httpPkg, "Server") {
		return
	}
	var edits []edit
	for i, e := range lit.Elts {
		if serverTimeouts[keyName(e)] {
			edits = append(edits, s.deleteElt(lit, i))
		}
	}
	if len(edits) > 0 {
		s.add(op, lit, edits)
	}
}

func opMaxBytes(s *scan, op *operator, n ast.Node) {
	as, ok := n.(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return
	}
	call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok || !isFunc(s.callee(call), httpPkg, "MaxBytesReader") || len(call.Args) != 3 {
		return
	}
	if !readsBodyAfter(s, call.Args[1], as.End()) {
		return // a middleware that limits the body for the handlers after it
	}
	if e, ok := s.deleteStmt(as); ok {
		s.add(op, as, e)
	}
}

// readsBodyAfter reports whether the function reads the request whose body
// is body (r.Body) after pos: r.Body passed to a call, a form parsed, or
// the request passed to a function of the package that does either.
func readsBodyAfter(s *scan, body ast.Expr, pos token.Pos) bool {
	sel, ok := ast.Unparen(body).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Body" {
		return false
	}
	req := types.ExprString(sel.X) // r, or ctx.Req
	_, fbody := s.innermostFunc()
	if fbody == nil {
		return false
	}
	return contains(fbody, false, func(m ast.Node) bool {
		call, ok := m.(*ast.CallExpr)
		if !ok || call.Pos() < pos {
			return false
		}
		if f, ok := call.Fun.(*ast.SelectorExpr); ok && types.ExprString(f.X) == req {
			switch f.Sel.Name {
			case "ParseForm", "ParseMultipartForm", "FormValue", "PostFormValue", "FormFile", "MultipartReader":
				return true
			}
		}
		for i, a := range call.Args {
			if as, ok := ast.Unparen(a).(*ast.SelectorExpr); ok && as.Sel.Name == "Body" && types.ExprString(as.X) == req {
				return true
			}
			if types.ExprString(a) == req && readsParamBody(s, s.callee(call), i) {
				return true // the request handed to a helper of the package that reads its body
			}
		}
		return false
	})
}

func opLimitUnwrap(s *scan, op *operator, n ast.Node) {
	call, ok := n.(*ast.CallExpr)
	if !ok {
		return
	}
	fn := s.callee(call)
	arg := -1
	switch {
	case isFunc(fn, "io", "LimitReader") && len(call.Args) == 2:
		arg = 0
	case isFunc(fn, httpPkg, "MaxBytesReader") && len(call.Args) == 3:
		if as, ok := s.parent(1).(*ast.AssignStmt); ok && len(as.Lhs) == 1 {
			return // maxbytes-delete's site
		}
		arg = 1
	default:
		return
	}
	sel, ok := ast.Unparen(call.Args[arg]).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Body" || !isType(s.typeOf(sel.X), httpPkg, "Request") {
		return
	}
	s.add(op, call, []edit{s.replace(call, s.text(call.Args[arg]))})
}

func opShutdown(s *scan, op *operator, n ast.Node) {
	call, ok := n.(*ast.CallExpr)
	if !ok || !isMethod(s.callee(call), httpPkg, "Server", "Shutdown") {
		return
	}
	if s.c.Pkg.Name != "main" {
		return // a library cannot know the process lifecycle: the rule looks at main only
	}
	switch p := s.parent(1).(type) {
	case *ast.ExprStmt:
		if e, ok := s.deleteStmt(p); ok {
			s.stack = s.stack[:len(s.stack)-1]
			s.add(op, call, e)
			s.stack = append(s.stack, call)
		}
	case *ast.GoStmt, *ast.DeferStmt:
		st := p.(ast.Stmt)
		s.stack = s.stack[:len(s.stack)-1]
		if e, ok := s.deleteStmt(st); ok {
			s.add(op, call, e)
		}
		s.stack = append(s.stack, call)
	default:
		s.add(op, call, []edit{s.replace(call, "error(nil)")})
	}
}

// --- tls

func opTLSSkip(s *scan, op *operator, n ast.Node) {
	lit, ok := n.(*ast.CompositeLit)
	if !ok || !isType(s.typeOf(lit), "crypto/tls", "Config") {
		return
	}
	for _, e := range lit.Elts {
		if keyName(e) == "InsecureSkipVerify" {
			kv := e.(*ast.KeyValueExpr)
			if tv := s.info().Types[kv.Value]; tv.Value != nil && constant.BoolVal(tv.Value) {
				return
			}
			s.add(op, e, []edit{s.replace(kv.Value, "true")})
			return
		}
	}
	o := s.off(lit.Lbrace) + 1
	s.add(op, lit, []edit{{o, o, "InsecureSkipVerify: true, "}})
}

func opTLSMin(s *scan, op *operator, n ast.Node) {
	lit, ok := n.(*ast.CompositeLit)
	if !ok || !isType(s.typeOf(lit), "crypto/tls", "Config") {
		return
	}
	name, need, ok := s.importName("crypto/tls", "tls")
	if !ok {
		return
	}
	for _, e := range lit.Elts {
		if keyName(e) == "MinVersion" {
			s.add(op, e, []edit{s.replace(e.(*ast.KeyValueExpr).Value, name+".VersionTLS10")}, imports(need, "crypto/tls")...)
		}
	}
}

// --- resilience

// isBackoff is a wait between attempts: time.Sleep(d), <-time.After(d).
func isBackoff(s *scan, m ast.Node) bool {
	switch x := m.(type) {
	case *ast.CallExpr:
		return isFunc(s.callee(x), "time", "Sleep", "After")
	}
	return false
}

// isRetryLoop: the loop body waits and calls something that can fail.
func isRetryLoop(s *scan, body *ast.BlockStmt) bool {
	if body == nil || !contains(body, true, func(m ast.Node) bool { return isBackoff(s, m) }) {
		return false
	}
	return contains(body, true, func(m ast.Node) bool {
		call, ok := m.(*ast.CallExpr)
		return ok && !isBackoff(s, m) && isNetworkCall(s, call)
	})
}

// isNetworkCall: a call that can fail and talks to another process: an
// HTTP, SQL, net or gRPC API, or any function taking a context and
// returning an error (the shape of a client call).
func isNetworkCall(s *scan, call *ast.CallExpr) bool {
	fn := s.callee(call)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	sig := fn.Type().(*types.Signature)
	res := sig.Results()
	if res.Len() == 0 || !isErrorType(res.At(res.Len()-1).Type()) {
		return false
	}
	switch p := fn.Pkg().Path(); {
	case p == httpPkg, p == sqlPkg, p == "net", strings.HasPrefix(p, "google.golang.org/grpc"):
		return true
	case p == "context", p == "time", p == "os", p == "io", strings.HasPrefix(p, "golang.org/x/sync"):
		return false
	}
	return sig.Params().Len() > 0 && isContext(sig.Params().At(0).Type())
}

func opSleep(s *scan, op *operator, n ast.Node) {
	st, ok := n.(ast.Stmt)
	if !ok {
		return
	}
	switch x := st.(type) {
	case *ast.ExprStmt:
		e := ast.Unparen(x.X)
		if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.ARROW {
			e = ast.Unparen(u.X)
		}
		if !isBackoff(s, e) {
			return
		}
	case *ast.SelectStmt:
		waits := false
		for _, cc := range x.Body.List {
			if comm := cc.(*ast.CommClause).Comm; comm != nil && contains(comm, true, func(m ast.Node) bool { return isBackoff(s, m) }) {
				waits = true
			}
		}
		if !waits {
			return
		}
	default:
		return
	}
	_, body := s.enclosingLoop()
	if !isRetryLoop(s, body) {
		return
	}
	if e, ok := s.deleteStmt(st); ok {
		s.add(op, st, e)
	}
}

func opRetryCap(s *scan, op *operator, n ast.Node) {
	loop, ok := n.(*ast.ForStmt)
	if !ok || loop.Cond == nil || !isRetryLoop(s, loop.Body) {
		return
	}
	s.add(op, loop, []edit{{s.off(loop.Cond.Pos()), s.off(loop.Cond.End()), ""}})
}

func opRetryCtx(s *scan, op *operator, n ast.Node) {
	loop, ok := n.(*ast.ForStmt)
	if !ok || loop.Cond != nil || !isRetryLoop(s, loop.Body) {
		return
	}
	isDone := func(m ast.Node) bool {
		call, ok := m.(*ast.CallExpr)
		return ok && (isMethod(s.callee(call), "context", "Context", "Done", "Err") || isInterfaceMethod(s, call, "Done", "Err"))
	}
	ast.Inspect(loop.Body, func(m ast.Node) bool {
		switch x := m.(type) {
		case *ast.FuncLit:
			return false
		case *ast.SelectStmt:
			for i, cc := range x.Body.List {
				comm := cc.(*ast.CommClause)
				if comm.Comm != nil && contains(comm.Comm, true, isDone) && len(x.Body.List) > 1 {
					end := x.Body.Rbrace
					if i+1 < len(x.Body.List) {
						end = x.Body.List[i+1].Pos()
					}
					s.add(op, comm, []edit{{s.off(comm.Pos()), s.off(end), ""}})
				}
			}
		case *ast.IfStmt:
			if x.Else == nil && x.Init == nil && contains(x.Cond, true, isDone) {
				s.add(op, x, []edit{{s.off(x.Pos()), s.off(x.End()), ""}})
			}
		}
		return true
	})
}

// isInterfaceMethod: a call of method name on a context.Context value.
func isInterfaceMethod(s *scan, call *ast.CallExpr, names ...string) bool {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || !isContext(s.typeOf(sel.X)) {
		return false
	}
	for _, n := range names {
		if sel.Sel.Name == n {
			return true
		}
	}
	return false
}

// --- sql

// queryArg is the index of the SQL text argument of a call: a string
// parameter named query or sql (database/sql and most query builders).
func queryArg(s *scan, call *ast.CallExpr) int {
	fn := s.callee(call)
	if fn == nil {
		return -1
	}
	sig := fn.Type().(*types.Signature)
	for i := 0; i < sig.Params().Len() && i < len(call.Args); i++ {
		p := sig.Params().At(i)
		switch strings.ToLower(p.Name()) {
		case "query", "sql", "sqlstr", "querystr", "stmt":
		default:
			continue
		}
		// a string parameter, or any (query builders' Where(query any, args ...any))
		// given a constant string
		if b, ok := p.Type().Underlying().(*types.Basic); ok && b.Kind() == types.String {
			return i
		}
		if tv := s.info().Types[call.Args[i]]; types.IsInterface(p.Type()) && tv.Value != nil && tv.Value.Kind() == constant.String {
			return i
		}
	}
	return -1
}

var selectCols = regexp.MustCompile(`(?is)^(\s*SELECT\s+(?:DISTINCT\s+)?)(.+?)(\s+FROM\s)`)

// queryLiteral returns, for a call of an SQL API whose query argument is a
// string literal, the call, the literal and its text.
func queryLiteral(s *scan, n ast.Node) (call *ast.CallExpr, lit *ast.BasicLit, text string, ok bool) {
	call, ok = n.(*ast.CallExpr)
	if !ok {
		return nil, nil, "", false
	}
	i := queryArg(s, call)
	if i < 0 {
		return nil, nil, "", false
	}
	lit, ok = ast.Unparen(call.Args[i]).(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return nil, nil, "", false
	}
	text, err := strconv.Unquote(lit.Value)
	if err != nil {
		return nil, nil, "", false
	}
	return call, lit, text, true
}

func opSelectStar(s *scan, op *operator, n ast.Node) {
	call, lit, v, ok := queryLiteral(s, n)
	if !ok {
		return
	}
	m := selectCols.FindStringSubmatchIndex(v)
	if m == nil || strings.TrimSpace(v[m[4]:m[5]]) == "*" || strings.Contains(strings.ToUpper(v[m[4]:m[5]]), "COUNT(") {
		return
	}
	nv := v[:m[4]] + "*" + v[m[5]:]
	s.add(op, lit, []edit{s.replace(lit, requote(lit.Value, nv))})
	s.setVia(s.via(call, sqlAPIs...))
}

func requote(orig, v string) string {
	if strings.HasPrefix(orig, "`") && !strings.Contains(v, "`") {
		return "`" + v + "`"
	}
	return strconv.Quote(v)
}

var (
	likeKeyword = regexp.MustCompile(`(?i)\bI?LIKE\b`)
	likeLiteral = regexp.MustCompile(`(?i)\bI?LIKE\s+'([^%'])`)
)

func opLike(s *scan, op *operator, n ast.Node) {
	call, ok := n.(*ast.CallExpr)
	if !ok {
		return
	}
	i := queryArg(s, call)
	if i < 0 {
		return
	}
	tv := s.info().Types[call.Args[i]]
	if tv.Value == nil || !likeKeyword.MatchString(constant.StringVal(tv.Value)) {
		return
	}
	// a pattern literal in the SQL text
	if lit, ok := ast.Unparen(call.Args[i]).(*ast.BasicLit); ok && lit.Kind == token.STRING {
		if v, err := strconv.Unquote(lit.Value); err == nil {
			if m := likeLiteral.FindStringSubmatchIndex(v); m != nil {
				nv := v[:m[2]] + "%" + v[m[2]:]
				s.add(op, lit, []edit{s.replace(lit, requote(lit.Value, nv))})
				s.setVia(s.via(call, sqlAPIs...))
				return
			}
		}
	}
	// a bound prefix pattern: x + "%" → "%" + x + "%"
	for _, a := range call.Args[i+1:] {
		be, ok := ast.Unparen(a).(*ast.BinaryExpr)
		if !ok || be.Op != token.ADD || !isStringConst(s, be.Y, "%") || isStringConst(s, be.X, "%") {
			continue
		}
		if l, ok := be.X.(*ast.BinaryExpr); ok && isStringConst(s, l.X, "%") {
			continue
		}
		o := s.off(be.Pos())
		s.add(op, be, []edit{{o, o, `"%" + `}})
		s.setVia(s.via(call, sqlAPIs...))
		return
	}
}

func isRows(s *scan, e ast.Expr) bool { return isType(s.typeOf(e), sqlPkg, "Rows") }

func opRowsClose(s *scan, op *operator, n ast.Node) {
	d, ok := n.(*ast.DeferStmt)
	if !ok {
		return
	}
	if !contains(d.Call, false, func(m ast.Node) bool {
		call, ok := m.(*ast.CallExpr)
		return ok && isMethod(s.callee(call), sqlPkg, "Rows", "Close")
	}) {
		return
	}
	if e, ok := s.deleteStmt(d); ok {
		s.add(op, d, e)
	}
}

func opRowsErr(s *scan, op *operator, n ast.Node) {
	call, ok := n.(*ast.CallExpr)
	if !ok || !isMethod(s.callee(call), sqlPkg, "Rows", "Err") {
		return
	}
	if _, ok := s.parent(1).(*ast.ExprStmt); ok {
		return
	}
	s.add(op, call, []edit{s.replace(call, "error(nil)")})
}
