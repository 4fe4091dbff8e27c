package server

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"path/filepath"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/apis"
	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/fix"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
	"github.com/prodlint/prodlint/analyzers/internal/summary/httpsum"
)

// BodyOptions are request-body-unbounded's rules.toml keys.
type BodyOptions struct {
	MaxBodyBytes       int64 `toml:"max-body-bytes" doc:"the limit in bytes the fix passes to http.MaxBytesReader" min:"1"`
	MaxMultipartMemory int64 `toml:"max-multipart-memory" doc:"r.ParseMultipartForm(n) on an unlimited body is reported when the constant n is above this many bytes"`
}

// RequestBody returns the request-body-unbounded rule.
func RequestBody() *rule.Rule {
	return &rule.Rule{
		ID:       "request-body-unbounded",
		Severity: config.SeverityError,
		Enabled:  true,
		Imports:  []string{"net/http"},
		NewOptions: func() any {
			return &BodyOptions{MaxBodyBytes: 1 << 20, MaxMultipartMemory: 32 << 20}
		},
		FactTypes: []analysis.Fact{(*LimitsBody)(nil), (*ReadsBodyUnlimited)(nil)},
		Requires:  []*analysis.Analyzer{httpsum.Analyzer},
		Doc: rule.Doc{
			Title: "report handlers that read a request body of any size into memory",
			Why: "net/http puts no limit on a request body. A handler that reads r.Body whole (io.ReadAll, " +
				"json.NewDecoder(r.Body).Decode, a multipart form kept in memory) holds the entire upload in memory " +
				"for as long as it runs: one 200 MB upload, or a few concurrent ones, exhausts the process, and the " +
				"client's retry does it again. This is the incident where a 200 MB upload was read synchronously, " +
				"timed out, was retried and duplicated. http.MaxBytesReader stops the read at a limit, fails it with " +
				"*http.MaxBytesError and closes the connection.",
			Bad: "func upload(w http.ResponseWriter, r *http.Request) {\n\tdata, err := io.ReadAll(r.Body)\n\t// ...\n}",
			Good: "func upload(w http.ResponseWriter, r *http.Request) {\n\tr.Body = http.MaxBytesReader(w, r.Body, 1<<20)\n" +
				"\tdata, err := io.ReadAll(r.Body)\n\t// ...\n}",
			Scope: "Handlers are functions and function literals of (http.ResponseWriter, *http.Request), ServeHTTP " +
				"methods included. A read through a local variable that only ever holds the body (body := r.Body; " +
				"io.ReadAll(body)) is a read of the body, in a handler and in the helpers it calls. A wrapper of type func(http.HandlerFunc) http.HandlerFunc counts as middleware too. " +
				"An exported handler function that its own package never refers to, or such an exported method that no " +
				"interface of the package or of its imports asks of its type, is judged where it is " +
				"registered, in the packages that import it: no finding in its own package, and a finding at the first " +
				"reference to it in an importing package that applies no limit (neither a limiting wrapper nor " +
				"http.MaxBytesHandler); such a handler whose importers are not analyzed with it, or that nothing " +
				"registers, is not reported. A method an interface asks for (a generated server's handler, a ServeHTTP) " +
				"may be registered through that interface, which names it nowhere, and is judged in its own package. A helper " +
				"the handler passes r or r.Body to, of this package or " +
				"another package of the analyzed module(s), is followed: one that reads the body it is given whole with no limit " +
				"(decodeJSON(w, r, &v), directly or through what it calls) is reported at the handler's call; one that limits it " +
				"quiets the handler. Helpers of other modules are unknown and neither report nor quiet. It does not see a limit " +
				"applied by a router's body-size option or by a proxy in front; silence those with " +
				"//prodlint:ignore request-body-unbounded. " +
				"Not production code: files that import testing or testify (test harnesses and mock servers, unless rules.toml sets " +
				"tests = true) and packages under an example, examples or _examples directory, and non-production packages " +
				"(samples, benchmarks, demos, end-to-end suites and test tools: the [production] globs of rules.toml).",
			Fix: "inserts r.Body = http.MaxBytesReader(w, r.Body, max-body-bytes) (default 1<<20) as the handler's first " +
				"statement, with the handler's own parameter names; no fix when the ResponseWriter parameter is unnamed or _. " +
				"The fix is offered only where no other limit can apply: not for r.ParseMultipartForm (an upload endpoint's " +
				"limit must fit its largest upload), and not in a package that wraps handlers in a middleware " +
				"(func(http.Handler) http.Handler) whose limit, if it has one, the fix could lower; the message says so instead.",
		},
		Quiet: rule.Declare(bodyCollected, rule.Forms(bodyPackageQuiet), rule.Forms(bodyHandlerQuiet)),
		Run:   runRequestBody,
	}
}

// handler is a function with the signature of an http.HandlerFunc.
type handler struct {
	c    inspector.Cursor
	body *ast.BlockStmt
	w, r *types.Var
}

// LimitsBody is the fact that a function limits a request body: a helper
// that limits the body of the request it is given (limitBody(w, r)), or,
// when Middleware is set, a middleware that limits it before calling the
// next handler (func(next http.Handler) http.Handler, or a factory of
// one), or, on a type, a handler type whose ServeHTTP limits it and then
// calls the next handler. It lets a package that uses a middleware
// declared in another package of the module be seen as limited.
type LimitsBody struct {
	Helper     bool // limits the body of a request passed to it
	Middleware bool // wraps a handler and limits its request body
}

// AFact marks LimitsBody as an analysis fact.
func (*LimitsBody) AFact() {}

// ReadsBodyUnlimited is the fact that an exported handler function reads
// its request body without a limit, and that its own package never
// registers it: whether a limit applies is decided where it is registered,
// in a package that imports it (a router that wraps the handlers of
// another package in a body-limiting middleware), and the finding is
// reported there when that package applies no limit.
type ReadsBodyUnlimited struct {
	Message string // the finding, as it would be reported in the handler
	At      string // where the read is: file base name and line
}

// AFact marks ReadsBodyUnlimited as an analysis fact.
func (*ReadsBodyUnlimited) AFact() {}

func (f *ReadsBodyUnlimited) String() string { return "reads the request body unlimited" }

func (f *LimitsBody) String() string {
	switch {
	case f.Middleware:
		return "limits the request body (middleware)"
	default:
		return "limits the request body"
	}
}

func runRequestBody(p *rule.Pass) error {
	opts := rule.Options[BodyOptions](p)
	var handlers []handler
	helpers := map[*types.Func]bool{}     // functions of the package that limit a request body
	middleware := map[types.Object]bool{} // of those, the ones that wrap an http.Handler
	maxBytesHandler := false
	aliases := bodyAliases(p)
	limiterTypes := map[*types.TypeName]bool{}        // handler types whose ServeHTTP limits the body, then delegates
	built := map[*types.TypeName][]inspector.Cursor{} // composite literals of each named type
	for c := range p.Cursors((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil), (*ast.CallExpr)(nil), (*ast.CompositeLit)(nil)) {
		switch n := c.Node().(type) {
		case *ast.CompositeLit:
			if tn := namedType(p.TypesInfo.TypeOf(n)); tn != nil {
				built[tn] = append(built[tn], c)
			}
		case *ast.CallExpr:
			if match.IsCallTo(p.TypesInfo, n, "net/http", "MaxBytesHandler") {
				maxBytesHandler = true // the package limits bodies at the handler level
			}
			if boundedBody(p.TypesInfo, aliases, n) != nil || limitsThroughHelper(p, n) {
				recordLimiter(p.TypesInfo, c, helpers, middleware, limiterTypes)
			}
		default:
			if h, ok := asHandler(p.TypesInfo, c); ok {
				handlers = append(handlers, h)
			}
		}
	}
	builtHere := recordLimiterBuilders(p, limiterTypes, built, middleware)
	exportLimiters(p, helpers, middleware, limiterTypes)
	pkg := &bodyPackage{maxBytesHandler: maxBytesHandler, middlewareUsed: builtHere || usedAnywhere(p, middleware), aliases: aliases,
		listensOnAddr: sync.OnceValue(func() bool { return serversListenOnAddr(p) })}
	wrapped := usesMiddleware(p.TypesInfo)
	refs := funcRefs(p.TypesInfo)
	direct := map[*types.Func]bool{} // handler-shaped helpers, judged at their calls
	for _, h := range handlers {
		if fn := onlyCalledDirectly(p, h, refs); fn != nil {
			direct[fn] = true
		}
	}
	for _, h := range handlers {
		checkHandler(p, opts, pkg, h, helpers, direct, refs, wrapped)
	}
	reportRegistered(p, pkg)
	return nil
}

// funcRefs counts the references to each function of the package.
func funcRefs(info *types.Info) map[*types.Func]int {
	refs := map[*types.Func]int{}
	for _, obj := range info.Uses {
		if fn, ok := obj.(*types.Func); ok {
			refs[fn.Origin()]++
		}
	}
	return refs
}

// onlyCalledDirectly returns the handler's function when it is an unexported function
// or method that the package only ever calls (never registers as a handler,
// and no other package can refer to it): it is a helper of its callers,
// which pass it their own request after any limit they apply, and its read
// is judged at those calls through the function's summary.
func onlyCalledDirectly(p *rule.Pass, h handler, refs map[*types.Func]int) *types.Func {
	fd, ok := h.c.Node().(*ast.FuncDecl)
	if !ok || fd.Name.IsExported() {
		return nil
	}
	fn, ok := p.TypesInfo.Defs[fd.Name].(*types.Func)
	if !ok {
		return nil
	}
	if calls := len(p.Index.CallsOf(fn)); calls == 0 || calls != refs[fn] {
		return nil
	}
	return fn
}

// registeredElsewhere reports whether the handler is an exported function,
// or an exported method that no interface in view asks of its type, that
// its own package never refers to: it is registered by a package that
// imports it, where a limit may be applied, or by none (dead code). A
// method an interface of the package or of its imports asks for may be
// registered through that interface (a generated server's handlers, a
// ServeHTTP), which names the method nowhere: it is judged here.
func registeredElsewhere(p *rule.Pass, h handler, refs map[*types.Func]int) (*types.Func, bool) {
	fd, ok := h.c.Node().(*ast.FuncDecl)
	if !ok || !fd.Name.IsExported() {
		return nil, false
	}
	fn, ok := p.TypesInfo.Defs[fd.Name].(*types.Func)
	if !ok || refs[fn.Origin()] != 0 {
		return nil, false
	}
	if fd.Recv != nil && askedByAnInterface(p.Pkg, fn) {
		return nil, false
	}
	return fn, true
}

// askedByAnInterface reports whether a named interface type declared in
// pkg or in a package it imports has a method of m's name that m's
// receiver type implements.
func askedByAnInterface(pkg *types.Package, m *types.Func) bool {
	recv := m.Signature().Recv().Type()
	for _, scope := range append([]*types.Package{pkg}, pkg.Imports()...) {
		for _, name := range scope.Scope().Names() {
			tn, ok := scope.Scope().Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() {
				continue
			}
			it, ok := tn.Type().Underlying().(*types.Interface)
			if named, isNamed := tn.Type().(*types.Named); !ok || it.NumMethods() == 0 || isNamed && named.TypeParams().Len() > 0 {
				continue // no method to ask, or generic: Implements needs an instance
			}
			if obj, _, _ := types.LookupFieldOrMethod(it, false, nil, m.Name()); obj == nil {
				continue
			}
			if types.Implements(recv, it) {
				return true
			}
		}
	}
	return false
}

// reportRegistered reports, in a package that applies no body limit, the
// exported handlers of imported packages that read their body unlimited
// (their ReadsBodyUnlimited fact), at the first place each is referred to:
// where it is registered.
func reportRegistered(p *rule.Pass, pkg *bodyPackage) {
	first := map[*types.Func]*ast.Ident{}
	for id, obj := range p.TypesInfo.Uses {
		fn, ok := obj.(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Pkg() == p.Pkg {
			continue
		}
		if prev := first[fn]; prev == nil || id.Pos() < prev.Pos() {
			first[fn] = id
		}
	}
	for fn, id := range first {
		var f ReadsBodyUnlimited
		if !p.ImportObjectFact(fn, &f) || rule.Quiet(p, id, bodyPackageQuiet, &bodyCandidate{pkg: pkg, p: p}) {
			continue
		}
		how := "registered here"
		if calledAt(p, id) {
			how = "called here with the request" // a handler wrapper of this package that calls it
		}
		p.Report(id, fmt.Sprintf("%s is %s with no body limit, and in it (%s) %s",
			qualifiedName(fn), how, f.At, f.Message))
	}
}

// calledAt reports whether the reference id to a function is the callee
// of a call (pkg.F(w, r), x.M(w, r)), not a function value handed on.
func calledAt(p *rule.Pass, id *ast.Ident) bool {
	c, ok := match.CursorOf(p.Inspector.Root(), id)
	if !ok {
		return false
	}
	if c.ParentEdgeKind() == edge.SelectorExpr_Sel {
		c = c.Parent()
	}
	return c.ParentEdgeKind() == edge.CallExpr_Fun
}

// qualifiedName names a function of another package as its package does
// (pkg.F), or a method by its type (pkg.T.M).
func qualifiedName(fn *types.Func) string {
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		if ptr, ok := t.(*types.Pointer); ok {
			t = ptr.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			return fn.Pkg().Name() + "." + n.Obj().Name() + "." + fn.Name()
		}
	}
	return fn.Pkg().Name() + "." + fn.Name()
}

// usesMiddleware reports whether the package refers to a middleware, a
// function of the shape func(http.Handler) http.Handler or a factory of
// one: a limit it applies cannot be seen here (a function of another
// module, or one not analyzed), so the fix, which could lower that limit,
// is not offered.
func usesMiddleware(info *types.Info) bool {
	for _, obj := range info.Uses {
		if fn, ok := obj.(*types.Func); ok && isMiddlewareSig(fn.Signature()) {
			return true
		}
	}
	return false
}

// isMiddlewareSig reports whether sig is func(http.Handler) http.Handler,
// or returns a function of that shape.
func isMiddlewareSig(sig *types.Signature) bool {
	if sig.Results().Len() != 1 {
		return false
	}
	res := sig.Results().At(0).Type()
	if sig.Params().Len() == 1 && match.IsNamed(sig.Params().At(0).Type(), "net/http", "Handler") && match.IsNamed(res, "net/http", "Handler") {
		return true
	}
	inner, ok := res.Underlying().(*types.Signature)
	return ok && isMiddlewareSig(inner)
}

// exportLimiters exports the LimitsBody fact on the package's exported
// helpers, middleware and limiting handler types, for the packages that
// import it.
func exportLimiters(p *rule.Pass, helpers map[*types.Func]bool, middleware map[types.Object]bool, limiterTypes map[*types.TypeName]bool) {
	facts := map[types.Object]*LimitsBody{}
	for fn := range helpers {
		facts[fn] = &LimitsBody{Helper: true}
	}
	for obj := range middleware {
		if facts[obj] == nil {
			facts[obj] = &LimitsBody{}
		}
		facts[obj].Middleware = true
	}
	for tn := range limiterTypes {
		facts[tn] = &LimitsBody{Middleware: true}
	}
	for obj, f := range facts {
		if obj.Pkg() == p.Pkg && obj.Exported() { // only exported functions and methods are used elsewhere
			p.ExportObjectFact(obj, f)
		}
	}
}

// importedLimiter returns the LimitsBody fact of a function declared in
// another package, or nil.
func importedLimiter(p *rule.Pass, obj types.Object) *LimitsBody {
	fn, ok := obj.(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg() == p.Pkg {
		return nil
	}
	var f LimitsBody
	if !p.ImportObjectFact(fn.Origin(), &f) {
		return nil
	}
	return &f
}

// recordLimiter classifies the function around a call that limits a
// request body: a declared function that limits it itself is a helper
// (limitBody(w, r)), and a middleware when it takes or returns an
// http.Handler; a closure that limits it and then calls the next handler
// makes its declaring function a middleware
// (func limit(next http.Handler) http.Handler { return http.HandlerFunc(...) }).
// A closure that limits its own body and serves the request is just a
// handler, and says nothing about the others.
func recordLimiter(info *types.Info, c inspector.Cursor, helpers map[*types.Func]bool, middleware map[types.Object]bool, limiterTypes map[*types.TypeName]bool) {
	fc, _, _ := match.EnclosingFunc(info, c)
	if !fc.Valid() {
		return
	}
	if _, isLit := fc.Node().(*ast.FuncLit); isLit && !delegates(info, fc) {
		return
	}
	for dc := range c.Enclosing((*ast.FuncDecl)(nil)) {
		fn, ok := info.Defs[dc.Node().(*ast.FuncDecl).Name].(*types.Func)
		if !ok {
			return
		}
		if dc == fc {
			helpers[fn] = true
			if tn := limitingServeHTTP(info, fc, fn); tn != nil {
				limiterTypes[tn] = true
			}
		}
		if mentionsHandler(fn.Signature()) {
			middleware[fn] = true
		}
		return
	}
}

// limitsThroughHelper reports whether call hands a request to a function
// that, by its summary, limits that request's body (limitBody(w, r)), of
// this package or another package of the module: the caller limits the
// body as if it called http.MaxBytesReader itself, so a closure that does
// so and then calls the next handler is a middleware too.
func limitsThroughHelper(p *rule.Pass, call *ast.CallExpr) bool {
	fn := match.Callee(p.TypesInfo, call)
	if fn == nil {
		return false
	}
	sum, known := p.ResultOf[httpsum.Analyzer].(*httpsum.Result).Of(fn)
	if !known || sum.LimitsBody == 0 {
		return false
	}
	params := fn.Signature().Params()
	for j, a := range call.Args {
		if j >= 32 || j >= params.Len() {
			break
		}
		if sum.LimitsBody&(1<<j) != 0 && match.IsPointerTo(p.TypesInfo.TypeOf(a), "net/http", "Request") {
			return true
		}
	}
	return false
}

// limitingServeHTTP returns the receiver type of fn when fn, declared at
// fc and limiting its request's body, is the ServeHTTP method of a handler
// type that then calls another handler: a middleware written as a type
// (type limiter struct{ next http.Handler; n int64 }).
func limitingServeHTTP(info *types.Info, fc inspector.Cursor, fn *types.Func) *types.TypeName {
	recv := fn.Signature().Recv()
	if recv == nil || fn.Name() != "ServeHTTP" || !apis.IsHTTPHandler(fn.Signature()) || !delegates(info, fc) {
		return nil
	}
	return namedType(recv.Type())
}

// namedType returns the declared type t or *t names, or nil.
func namedType(t types.Type) *types.TypeName {
	if t == nil {
		return nil
	}
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem()
	}
	if named, ok := types.Unalias(t).(*types.Named); ok {
		return named.Origin().Obj()
	}
	return nil
}

// recordLimiterBuilders finds where the package builds a value of a
// limiting handler type, its own (limiterTypes) or another package's (by
// its LimitsBody fact): a function that takes or returns an http.Handler
// and builds one (func limit(next http.Handler) http.Handler { return
// &limiter{next, n} }) is a middleware, judged where it is used; a value
// built anywhere else (srv.Handler = &limiter{mux, n}) wraps a handler of
// the package in the limit there, and builtHere is true.
func recordLimiterBuilders(p *rule.Pass, limiterTypes map[*types.TypeName]bool, built map[*types.TypeName][]inspector.Cursor, middleware map[types.Object]bool) (builtHere bool) {
	for tn, lits := range built {
		if !limiterTypes[tn] {
			var f LimitsBody
			if tn.Pkg() == p.Pkg || tn.Pkg() == nil || !p.ImportObjectFact(tn, &f) || !f.Middleware {
				continue
			}
		}
		for _, lit := range lits {
			fn := match.DeclaredFunc(p.TypesInfo, lit)
			switch {
			case fn != nil && namedType(recvType(fn)) == tn:
				// a method of the type itself builds it
			case fn != nil && mentionsHandler(fn.Signature()):
				middleware[fn] = true
			default:
				builtHere = true
			}
		}
	}
	return builtHere
}

// recvType returns the receiver type of fn, or nil for a function.
func recvType(fn *types.Func) types.Type {
	if recv := fn.Signature().Recv(); recv != nil {
		return recv.Type()
	}
	return nil
}

// delegates reports whether the function at fc calls another handler:
// next.ServeHTTP(w, r), or a function value of handler type.
func delegates(info *types.Info, fc inspector.Cursor) bool {
	for cc := range fc.Preorder((*ast.CallExpr)(nil)) {
		call := cc.Node().(*ast.CallExpr)
		fn := match.Callee(info, call)
		if match.IsMethod(fn, "net/http", "Handler", "ServeHTTP") || match.IsMethod(fn, "net/http", "HandlerFunc", "ServeHTTP") {
			return true
		}
		if fn != nil {
			continue
		}
		if sig, ok := info.TypeOf(call.Fun).Underlying().(*types.Signature); ok && apis.IsHTTPHandler(sig) {
			return true
		}
	}
	return false
}

// usedAnywhere reports whether one of objs, or a middleware of another
// package (by its LimitsBody fact), is referred to in the package
// (called, or passed as a value: r.Use(limitBody)).
func usedAnywhere(p *rule.Pass, objs map[types.Object]bool) bool {
	for _, obj := range p.TypesInfo.Uses {
		if objs[obj] {
			return true
		}
		if f := importedLimiter(p, obj); f != nil && f.Middleware {
			return true
		}
	}
	return false
}

// asHandler returns the handler c declares, when it has the signature of
// an http.HandlerFunc with a named request parameter and a body.
func asHandler(info *types.Info, c inspector.Cursor) (handler, bool) {
	_, body, sig := match.EnclosingFunc(info, c) // c itself: a declaration or literal
	if body == nil || !apis.IsHTTPHandler(sig) {
		return handler{}, false
	}
	shape := apis.HandlerOf(sig)
	return handler{c: c, body: body, w: sig.Params().At(shape.Writer), r: sig.Params().At(shape.Request)}, true
}

// mentionsHandler reports whether a parameter or result of sig is an
// http.Handler or http.HandlerFunc, or a function that takes or returns
// one (a middleware factory).
func mentionsHandler(sig *types.Signature) bool {
	for _, tuple := range []*types.Tuple{sig.Params(), sig.Results()} {
		for v := range tuple.Variables() {
			t := v.Type()
			if match.IsNamed(t, "net/http", "Handler", "HandlerFunc") {
				return true
			}
			if inner, ok := t.Underlying().(*types.Signature); ok && !apis.IsHTTPHandler(inner) && mentionsHandler(inner) {
				return true
			}
		}
	}
	return false
}

// checkHandler reports the first unlimited read of the handler's request
// body, unless the handler limits it.
func checkHandler(p *rule.Pass, opts *BodyOptions, pkg *bodyPackage, h handler, helpers, direct map[*types.Func]bool, refs map[*types.Func]int, wrapped bool) {
	if h.r.Name() == "" || h.r.Name() == "_" {
		return // the body cannot be read through the parameter
	}
	var (
		limited  bool
		reads    []bodyRead
		decoders = map[*types.Var]bodyRead{} // dec := json.NewDecoder(r.Body)
		decoded  = map[*types.Var]bool{}     // dec.Decode(...)
	)
	h.c.Inspect([]ast.Node{(*ast.FuncLit)(nil), (*ast.CallExpr)(nil)}, func(c inspector.Cursor) bool {
		switch n := c.Node().(type) {
		case *ast.FuncLit:
			_, nested := asHandler(p.TypesInfo, c)
			return c == h.c || !nested // a nested handler is checked on its own
		case *ast.CallExpr:
			if body := boundedBody(p.TypesInfo, pkg.aliases, n); body != nil && isBodyOf(p.TypesInfo, nil, body, h.r) {
				limited = true
			}
			if passesRequestToLimiter(p, n, h.r, helpers) {
				limited = true
			}
			read, limits, ok := helperUse(p, pkg.aliases, n, h.r, direct)
			if limits {
				limited = true
			}
			if ok {
				reads = append(reads, read)
			}
			if read, ok := wholeBodyRead(p.TypesInfo, pkg.aliases, opts, n, h.r); ok {
				reads = append(reads, read)
			} else if p.Explaining() {
				if form := boundedRead(p.TypesInfo, pkg.aliases, n, h.r); form != "" {
					rule.Decided(p, n, form)
				}
			}
			if read, ok := decoderOverBody(p.TypesInfo, pkg.aliases, n, h.r); ok {
				if v := assignedVar(p.TypesInfo, c); v != nil {
					decoders[v] = read
				} else if isDecodeReceiver(p.TypesInfo, c) {
					reads = append(reads, read)
				}
			}
			if v := decodeCallReceiver(p.TypesInfo, n); v != nil {
				decoded[v] = true
			}
		}
		return true
	})
	for v, read := range decoders {
		if decoded[v] {
			reads = append(reads, read)
		} else {
			rule.Decided(p, read.node, "token-stream")
		}
	}
	if len(reads) == 0 {
		return
	}
	first := reads[0]
	for _, r := range reads[1:] {
		if r.node.Pos() < first.node.Pos() {
			first = r
		}
	}
	cand := &bodyCandidate{pkg: pkg, h: h, limited: limited, refs: refs, p: p}
	if rule.Quiet(p, first.node, bodyPackageQuiet, cand) || rule.Quiet(p, first.node, bodyHandlerQuiet, cand) {
		return
	}
	if fn, ok := registeredElsewhere(p, h, refs); ok {
		// Not quiet: judged where it is registered, in a package that
		// imports this one and may wrap it in a limiting middleware.
		pos := p.Fset.Position(first.node.Pos())
		p.ExportObjectFact(fn, &ReadsBodyUnlimited{Message: first.message, At: fmt.Sprintf("%s:%d", filepath.Base(pos.Filename), pos.Line)})
		return
	}
	// The fix inserts the configured limit. Where that is a judgement
	// call it is a hint instead: an upload endpoint needs a limit fitted
	// to its largest upload, and a middleware may already apply a limit
	// the fix would lower.
	switch {
	case first.multipart:
		p.Report(first.node, first.message+" (no fix is offered: choose the limit from the largest upload the endpoint accepts)")
	case wrapped:
		p.Report(first.node, first.message+" (no fix is offered: the package wraps handlers in a middleware, and if it "+
			"already limits bodies, a limit here must not be lower than its)")
	default:
		p.Report(first.node, first.message, maxBytesFix(p, opts, h)...)
	}
}

// bodyRead is a read of the whole request body.
type bodyRead struct {
	node      ast.Node
	message   string
	multipart bool // r.ParseMultipartForm: an upload
}

// limitAdvice ends every message of the rule.
const limitAdvice = "wrap the body first: r.Body = http.MaxBytesReader(w, r.Body, limit)"

// wholeBodyRead recognizes io.ReadAll(r.Body), ioutil.ReadAll(r.Body) and
// r.ParseMultipartForm with a constant memory limit above the option.
func wholeBodyRead(info *types.Info, aliases map[*types.Var]ast.Expr, opts *BodyOptions, call *ast.CallExpr, r *types.Var) (bodyRead, bool) {
	fn := match.Callee(info, call)
	switch {
	case match.IsFunc(fn, "io", "ReadAll") || match.IsFunc(fn, "io/ioutil", "ReadAll"):
		if len(call.Args) == 1 && isBodyOf(info, aliases, call.Args[0], r) {
			return bodyRead{node: call, message: fn.Pkg().Name() + ".ReadAll(" + bodyText(info, call.Args[0], r) + " reads the whole request body into memory " +
				"with no size limit: one large or endless upload exhausts the server's memory, and the client's retry " +
				"does it again; " + limitAdvice}, true
		}
	case match.IsMethod(fn, "net/http", "Request", "ParseMultipartForm"):
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || len(call.Args) != 1 || !isVar(info, sel.X, r) {
			return bodyRead{}, false
		}
		v := match.ConstValue(info, call.Args[0])
		if v == nil || v.Kind() != constant.Int {
			return bodyRead{}, false
		}
		if n, exact := constant.Int64Val(v); exact && n <= opts.MaxMultipartMemory {
			return bodyRead{}, false
		}
		return bodyRead{call, r.Name() + ".ParseMultipartForm keeps up to " + v.ExactString() + " bytes of every upload " +
			"in memory and the rest on disk, with no limit on the body: a few large uploads exhaust memory and disk; " +
			"keep maxMemory small and " + limitAdvice, true}, true
	}
	return bodyRead{}, false
}

// decoderOverBody recognizes json.NewDecoder(r.Body) and
// xml.NewDecoder(r.Body).
func decoderOverBody(info *types.Info, aliases map[*types.Var]ast.Expr, call *ast.CallExpr, r *types.Var) (bodyRead, bool) {
	fn := match.Callee(info, call)
	if !match.IsFunc(fn, "encoding/json", "NewDecoder") && !match.IsFunc(fn, "encoding/xml", "NewDecoder") {
		return bodyRead{}, false
	}
	if len(call.Args) != 1 || !isBodyOf(info, aliases, call.Args[0], r) {
		return bodyRead{}, false
	}
	return bodyRead{node: call, message: fn.Pkg().Name() + ".NewDecoder(" + bodyText(info, call.Args[0], r) + ".Decode reads a request body of any size: " +
		"one large upload exhausts the server's memory, and the client's retry does it again; " + limitAdvice}, true
}

// isDecodeReceiver reports whether the NewDecoder call at c is the
// receiver of a Decode call: json.NewDecoder(r.Body).Decode(&v).
func isDecodeReceiver(info *types.Info, c inspector.Cursor) bool {
	sel, ok := c.Parent().Node().(*ast.SelectorExpr)
	if !ok || sel.X != c.Node() {
		return false
	}
	return match.IsDecode(match.ObjectOf(info, sel))
}

// decodeCallReceiver returns the variable v of a call v.Decode(...) on a
// json or xml Decoder, or nil.
func decodeCallReceiver(info *types.Info, call *ast.CallExpr) *types.Var {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || !match.IsDecode(match.ObjectOf(info, sel)) {
		return nil
	}
	return match.Var(info, sel.X)
}

// assignedVar returns the variable the call at c is assigned to or
// initializes (dec := json.NewDecoder(r.Body)), or nil.
func assignedVar(info *types.Info, c inspector.Cursor) *types.Var {
	switch n := c.Parent().Node().(type) {
	case *ast.AssignStmt:
		if len(n.Lhs) == 1 && len(n.Rhs) == 1 {
			return match.Var(info, n.Lhs[0])
		}
	case *ast.ValueSpec:
		if len(n.Names) == 1 && len(n.Values) == 1 {
			v, _ := info.Defs[n.Names[0]].(*types.Var)
			return v
		}
	}
	return nil
}

// boundedBody returns the request body a call limits:
// http.MaxBytesReader(w, BODY, n) or io.LimitReader(BODY, n) where BODY
// is some *http.Request's Body field, or a local variable that holds only
// one (orig := r.Body; r.Body = http.MaxBytesReader(w, orig, n)); nil
// otherwise.
func boundedBody(info *types.Info, aliases map[*types.Var]ast.Expr, call *ast.CallExpr) ast.Expr {
	var arg ast.Expr
	switch fn := match.Callee(info, call); {
	case match.IsFunc(fn, "net/http", "MaxBytesReader") && len(call.Args) == 3:
		arg = call.Args[1]
	case match.IsFunc(fn, "io", "LimitReader") && len(call.Args) == 2:
		arg = call.Args[0]
	default:
		return nil
	}
	if id, ok := ast.Unparen(arg).(*ast.Ident); ok {
		if v, ok := info.Uses[id].(*types.Var); ok && aliases[v] != nil {
			arg = aliases[v]
		}
	}
	if !match.IsFieldOf(match.FieldSelection(info, arg), "net/http", "Request", "Body") {
		return nil
	}
	return arg
}

// bodyAliases maps each local variable of the package that is only ever
// assigned a request's body (orig := r.Body) to that body expression.
func bodyAliases(p *rule.Pass) map[*types.Var]ast.Expr {
	aliases := map[*types.Var]ast.Expr{}
	other := map[*types.Var]bool{}
	for c := range p.Cursors((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
		var lhs []*ast.Ident
		var rhs []ast.Expr
		switch n := c.Node().(type) {
		case *ast.AssignStmt:
			for _, e := range n.Lhs {
				id, _ := ast.Unparen(e).(*ast.Ident)
				lhs = append(lhs, id)
			}
			rhs = n.Rhs
		case *ast.ValueSpec:
			lhs, rhs = n.Names, n.Values
		}
		for i, id := range lhs {
			if id == nil {
				continue
			}
			v, ok := p.TypesInfo.ObjectOf(id).(*types.Var)
			if !ok || v.IsField() || v.Parent() == v.Pkg().Scope() {
				continue
			}
			if len(lhs) == len(rhs) && match.IsFieldOf(match.FieldSelection(p.TypesInfo, rhs[i]), "net/http", "Request", "Body") {
				aliases[v] = rhs[i]
			} else {
				other[v] = true
			}
		}
	}
	for v := range other {
		delete(aliases, v)
	}
	return aliases
}

// passesRequestToLimiter reports whether call hands the request r to a
// function that limits a request body (limitBody(w, r)): one of the
// package, or of another package by its LimitsBody fact.
func passesRequestToLimiter(p *rule.Pass, call *ast.CallExpr, r *types.Var, helpers map[*types.Func]bool) bool {
	fn := match.Callee(p.TypesInfo, call)
	if fn == nil {
		return false
	}
	if !helpers[fn] {
		if f := importedLimiter(p, fn); f == nil || !f.Helper {
			return false
		}
	}
	for _, a := range call.Args {
		if isVar(p.TypesInfo, a, r) {
			return true
		}
	}
	return false
}

// helperUse reads the summary of the function call calls (of this
// package or, by its fact, of another package of the module) for what it
// does with the body of the request r passed to it, as r or r.Body: it
// limits it (limits), or reads it whole with no limit (a read, ok). A
// callee that is itself a handler is checked on its own.
func helperUse(p *rule.Pass, aliases map[*types.Var]ast.Expr, call *ast.CallExpr, r *types.Var, direct map[*types.Func]bool) (read bodyRead, limits, ok bool) {
	fn := match.Callee(p.TypesInfo, call)
	if fn == nil {
		return bodyRead{}, false, false
	}
	sum, known := p.ResultOf[httpsum.Analyzer].(*httpsum.Result).Of(fn)
	if !known || sum.ReadsBody|sum.LimitsBody == 0 {
		return bodyRead{}, false, false
	}
	sig := fn.Signature()
	for j, a := range call.Args {
		if j >= 32 || j >= sig.Params().Len() || sig.Variadic() && j >= sig.Params().Len()-1 {
			break
		}
		if !isVar(p.TypesInfo, a, r) && !isBodyOf(p.TypesInfo, aliases, a, r) {
			continue
		}
		if sum.LimitsBody&(1<<j) != 0 {
			limits = true
		}
		if sum.ReadsBody&(1<<j) != 0 && (!apis.IsHTTPHandler(sig) || direct[fn.Origin()]) {
			read, ok = bodyRead{node: call, message: match.APIName(fn, p.Pkg) + " reads " + r.Name() + ".Body whole with no size limit " +
				"(it, or a function it calls, reads the body it is given to the end): one large or endless upload exhausts the server's " +
				"memory, and the client's retry does it again; " + limitAdvice}, true
		}
	}
	return read, limits, ok
}

// isBodyOf reports whether e is r.Body for the request variable r, or a
// local variable only ever assigned r.Body (body := r.Body), by aliases.
func isBodyOf(info *types.Info, aliases map[*types.Var]ast.Expr, e ast.Expr, r *types.Var) bool {
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		if v, ok := info.Uses[id].(*types.Var); ok && aliases[v] != nil {
			e = aliases[v]
		}
	}
	if !match.IsFieldOf(match.FieldSelection(info, e), "net/http", "Request", "Body") {
		return false
	}
	return isVar(info, ast.Unparen(e).(*ast.SelectorExpr).X, r)
}

// bodyText names the body a read is given and closes the call: "r.Body)",
// or for a local variable that holds it "body) (body is r.Body)".
func bodyText(info *types.Info, e ast.Expr, r *types.Var) string {
	if id, ok := ast.Unparen(e).(*ast.Ident); ok && match.Var(info, id) != nil {
		return id.Name + ") (" + id.Name + " is " + r.Name() + ".Body)"
	}
	return r.Name() + ".Body)"
}

// isVar reports whether e is an identifier denoting v.
func isVar(info *types.Info, e ast.Expr, v *types.Var) bool {
	return v != nil && match.Var(info, e) == v
}

// maxBytesFix inserts r.Body = http.MaxBytesReader(w, r.Body, limit) as
// the handler's first statement.
func maxBytesFix(p *rule.Pass, opts *BodyOptions, h handler) []analysis.SuggestedFix {
	if h.w.Name() == "" || h.w.Name() == "_" || len(h.body.List) == 0 {
		return nil
	}
	first := h.body.List[0]
	if p.Fset.Position(first.Pos()).Line == p.Fset.Position(h.body.Lbrace).Line {
		return nil // a one-line body: no line of its own to insert
	}
	httpName, importEdits, ok := importName(p, h.body, "net/http")
	if !ok {
		return nil
	}
	r, w := h.r.Name(), h.w.Name()
	stmt := r + ".Body = " + httpName + ".MaxBytesReader(" + w + ", " + r + ".Body, " + fix.Size(opts.MaxBodyBytes) + ")"
	edit := fix.Insert(h.body.Lbrace+1, "\n"+fix.Indent(p.Fset, first.Pos())+stmt)
	return []analysis.SuggestedFix{fix.New("Limit the request body with http.MaxBytesReader", append([]analysis.TextEdit{edit}, importEdits...)...)}
}
