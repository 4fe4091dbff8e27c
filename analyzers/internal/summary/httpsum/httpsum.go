// Package httpsum summarizes what a function does with HTTP clients and
// request bodies, for the rules that follow helpers and constructors
// across functions and packages: the client or transport it returns
// (with or without a timeout, built fresh per call), which of its
// parameters' bodies it reads whole without a limit, or limits, the
// requests it sends, the contexts and responses it returns (a response
// with its body still open is the caller's to close), and which of its
// http.Header results are a response's.
package httpsum

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/apis"
	"github.com/prodlint/prodlint/analyzers/internal/index"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/summary"
)

// Client says what kind of *http.Client a function returns.
type Client uint8

// The kinds of returned client, ordered so that combining two returns
// keeps the larger (a function that may return a client without a
// timeout is one that returns a client without a timeout).
const (
	NoClient     Client = iota // no client, or one whose configuration is not known
	WithTimeout                // a client with Timeout set (any value: an explicit 0 states intent)
	TimeoutParam               // a client whose Timeout is the parameter Func.TimeoutParam
	NoTimeout                  // a client with no Timeout and a Transport known to set no ResponseHeaderTimeout
)

// Func is the summary of one function, exported as a fact on exported
// functions and methods whose summary says something.
type Func struct {
	Client         Client
	TimeoutParam   uint8  // the parameter giving the Timeout, when Client is TimeoutParam
	FreshTransport bool   // every call builds a new http.Transport and returns it, or a client over it
	ReadsBody      uint32 // bit i: reads the body of request parameter i (or the io.Reader parameter i) whole, with no limit
	LimitsBody     uint32 // bit i: applies a size limit to the body of request parameter i (or reader i)
	// SendsOnCtx, bit i: sends a request through a client known to have
	// no timeout (http.DefaultClient, or one made here without Timeout),
	// bounded only by the context parameter i, directly or through what
	// it calls: the deadline is the caller's to set.
	SendsOnCtx uint32
	// SendsRequest, bit j: sends the request parameter j through a client
	// known to have no timeout, directly or through what it calls (the
	// do(req) helper of an API client).
	SendsRequest uint32
	// RequestOnCtx, when not 0, is 1 + the context parameter every request
	// the function returns (first result) is made with (the newRequest(ctx,
	// ...) builder of an API client).
	RequestOnCtx uint8
	// ViaDefault is set when a send SendsOnCtx or SendsRequest describes
	// goes through http.DefaultClient (for the message's wording).
	ViaDefault bool
	// ReturnsCtx, when not 0, is 1 + the context parameter every context
	// the function returns (first result) is, or wraps without adding a
	// deadline (WithValue, WithCancel, a type assertion, a struct that
	// embeds it): reqctx.FromContext(ctx) returns the caller's context.
	ReturnsCtx uint8
	// ResponseHeader, bit i: every return that gives result i, an
	// http.Header, a non-nil value gives it the Header of an
	// *http.Response, directly or as a callee's result of that kind: what
	// a peer answered, not the headers the program sends.
	ResponseHeader uint32
	// ReturnsResponse is set for a function with results exactly
	// (*http.Response, error) that returns, on success, the response of a
	// send it makes (directly or through a function of this kind) with
	// the body still open: the caller must close it (see
	// returnsResponse).
	ReturnsResponse bool
}

// AFact marks Func as an analysis fact.
func (*Func) AFact() {}

func (f *Func) String() string {
	s := ""
	add := func(part string) {
		if s != "" {
			s += "; "
		}
		s += part
	}
	switch f.Client {
	case WithTimeout:
		add("returns a client with a timeout")
	case TimeoutParam:
		add("returns a client with the timeout of parameter " + itoa(int(f.TimeoutParam)))
	case NoTimeout:
		add("returns a client without a timeout")
	}
	if f.FreshTransport {
		add("builds a new transport per call")
	}
	if f.ReadsBody != 0 {
		add("reads body of parameter " + bits(f.ReadsBody) + " unlimited")
	}
	if f.LimitsBody != 0 {
		add("limits body of parameter " + bits(f.LimitsBody))
	}
	if f.SendsOnCtx != 0 {
		add("sends without a timeout on the context of parameter " + bits(f.SendsOnCtx))
	}
	if f.SendsRequest != 0 {
		add("sends request parameter " + bits(f.SendsRequest) + " without a timeout")
	}
	if f.RequestOnCtx != 0 {
		add("returns a request on the context of parameter " + itoa(int(f.RequestOnCtx)-1))
	}
	if f.ViaDefault {
		add("through http.DefaultClient")
	}
	if f.ReturnsCtx != 0 {
		add("returns the context of parameter " + itoa(int(f.ReturnsCtx)-1))
	}
	if f.ResponseHeader != 0 {
		add("returns a response's header as result " + bits(f.ResponseHeader))
	}
	if f.ReturnsResponse {
		add("returns a response with its body open")
	}
	return "httpsum: " + s
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + itoa(i%10)
}

func bits(b uint32) string {
	s := ""
	for i := range 32 {
		if b&(1<<i) != 0 {
			if s != "" {
				s += ","
			}
			s += itoa(i)
		}
	}
	return s
}

// Result answers for functions of the package and of imported ones, and
// tells contexts known to carry no deadline (RequestContext).
type Result struct {
	*summary.Result[Func, *Func]
	pass    *analysis.Pass
	fields  map[*types.Var]bool // this package's request-context fields
	unkeyed map[*types.Var]bool // fields of the struct types this package writes as unkeyed literals
}

// Analyzer computes the summaries of a package's functions.
var Analyzer = &analysis.Analyzer{
	Name:       "prodlint_httpsum",
	Doc:        "summarizes the HTTP clients, contexts, responses and response headers functions return, and the requests and request bodies they send, read or limit",
	Requires:   []*analysis.Analyzer{summary.Analyzer, index.Analyzer},
	FactTypes:  []analysis.Fact{(*Func)(nil), (*RequestField)(nil)},
	ResultType: reflect.TypeOf((*Result)(nil)),
	Run:        run,
}

func run(pass *analysis.Pass) (any, error) {
	g := pass.ResultOf[summary.Analyzer].(*summary.Graph)
	if pass.TypesInfo == nil || !match.Imports(pass.Pkg, "net/http") && !match.Imports(pass.Pkg, "io") &&
		!match.Imports(pass.Pkg, "context") {
		return &Result{Result: summary.Solve[Func](pass, &summary.Graph{}, nil), pass: pass}, nil
	}
	s := &summarizer{info: pass.TypesInfo, pkg: pass.Pkg, idx: pass.ResultOf[index.Analyzer].(*index.Index)}
	r := &Result{Result: summary.SolveWith[Func](pass, g, s.compute, s.fieldsChanged), pass: pass}
	if summary.InScope(pass) {
		r.fields = requestFields(pass, s.idx, r)
	}
	return r, nil
}

// returnsFailure reports whether the return statement at c gives its last
// result, an error, a value that is not nil: a call of errors.New or
// fmt.Errorf, or a variable that an enclosing if statement tests != nil
// (if err != nil { return &http.Client{}, err }). By Go's convention a
// caller does not use the other results of such a return.
func returnsFailure(info *types.Info, c inspector.Cursor, ret *ast.ReturnStmt) bool {
	if len(ret.Results) == 0 {
		return false
	}
	last := ast.Unparen(ret.Results[len(ret.Results)-1])
	if !types.Identical(info.TypeOf(last), types.Universe.Lookup("error").Type()) {
		return false
	}
	if call, ok := last.(*ast.CallExpr); ok {
		fn := match.Callee(info, call)
		return match.IsFunc(fn, "errors", "New") || match.IsFunc(fn, "fmt", "Errorf")
	}
	v := match.Var(info, last)
	if v == nil {
		return false
	}
	for ic := range c.Enclosing((*ast.IfStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		stmt, ok := ic.Node().(*ast.IfStmt)
		if !ok {
			return false
		}
		if !(stmt.Body.Pos() <= ret.Pos() && ret.End() <= stmt.Body.End()) {
			continue // in the else branch
		}
		if match.IsNotNilTest(info, stmt.Cond, v) {
			return true
		}
	}
	return false
}

type summarizer struct {
	info *types.Info
	pkg  *types.Package
	idx  *index.Index

	// fields caches, per client field of the package, the values the
	// package assigns it (fieldValues); unkeyed, built on the first
	// question, holds the fields of the struct types the package writes
	// as unkeyed literals.
	fields  map[*types.Var]fieldValues
	unkeyed map[*types.Var]bool
	// judged holds the kind of client last found in each field a summary
	// asked about: a value made by a function of the package summarized
	// after the asker is judged again once the pass is over
	// (fieldsChanged).
	judged map[*types.Var]Client
}

// fieldValues is what the package gives one client field: every value
// assigned to it, when known is set (see clientField).
type fieldValues struct {
	values []ast.Expr
	known  bool
}

// maxHops bounds how far a value is followed through variables.
const maxHops = 6

func (s *summarizer) compute(fn *types.Func, decl inspector.Cursor, of func(*types.Func) (Func, bool)) Func {
	var f Func
	sig := fn.Signature()
	params := sig.Params()
	if returnsClientOrTransport(sig) {
		for c := range decl.Preorder((*ast.ReturnStmt)(nil), (*ast.FuncLit)(nil)) {
			ret, ok := c.Node().(*ast.ReturnStmt)
			if !ok || match.InFuncLitUnder(c, decl) || len(ret.Results) != sig.Results().Len() || returnsFailure(s.info, c, ret) {
				continue
			}
			for i, e := range ret.Results {
				t := sig.Results().At(i).Type()
				if !isClientOrTransport(t) {
					continue
				}
				k, p := s.clientOf(e, fn, of, 0)
				if k > f.Client {
					f.Client, f.TimeoutParam = k, p
				}
				if s.freshTransport(e, of, 0) {
					f.FreshTransport = true
				}
			}
		}
	}
	f.ResponseHeader = s.responseHeaders(sig, decl, of)
	f.ReturnsResponse = s.returnsResponse(sig, decl, of)
	bodyParams, ctxParams, reqParams := false, false, false
	for v := range params.Variables() {
		if isBodyParam(v.Type()) {
			bodyParams = true
		}
		if match.IsNamed(v.Type(), "context", "Context") {
			ctxParams = true
		}
		if match.IsNamedOrPointer(v.Type(), "net/http", "Request") {
			reqParams = true
		}
	}
	if ctxParams {
		f.SendsOnCtx, f.ViaDefault = s.sendsOnCtx(fn, decl, of)
		if sig.Results().Len() > 0 && isContext(sig.Results().At(0).Type()) {
			f.ReturnsCtx = s.returnsCtx(fn, decl, of)
		}
		if sig.Results().Len() > 0 && match.IsNamedOrPointer(sig.Results().At(0).Type(), "net/http", "Request") {
			f.RequestOnCtx = s.requestOnCtx(fn, decl, of)
		}
	}
	if reqParams {
		var viaDefault bool
		f.SendsRequest, viaDefault = s.sendsRequest(fn, decl, of)
		f.ViaDefault = f.ViaDefault || viaDefault
	}
	if !bodyParams {
		return f
	}
	aliases := s.bodyAliases(decl)
	decoders := false
	for c := range decl.Preorder((*ast.CallExpr)(nil)) {
		call := c.Node().(*ast.CallExpr)
		callee := match.Callee(s.info, call)
		if match.IsDecode(callee) {
			decoders = true
		}
	}
	for c := range decl.Preorder((*ast.CallExpr)(nil)) {
		call := c.Node().(*ast.CallExpr)
		callee := match.Callee(s.info, call)
		switch {
		case callee == nil:
		case match.IsFunc(callee, "io", "ReadAll") || match.IsFunc(callee, "io/ioutil", "ReadAll"):
			if i, ok := s.bodyParam(aliases, call.Args, 0, params); ok {
				f.ReadsBody |= 1 << i
			}
		case match.IsFunc(callee, "encoding/json", "NewDecoder") || match.IsFunc(callee, "encoding/xml", "NewDecoder"):
			if i, ok := s.bodyParam(aliases, call.Args, 0, params); ok && decoders {
				f.ReadsBody |= 1 << i
			}
		case match.IsFunc(callee, "net/http", "MaxBytesReader"):
			if i, ok := s.bodyParam(aliases, call.Args, 1, params); ok {
				f.LimitsBody |= 1 << i
			}
		case match.IsFunc(callee, "io", "LimitReader"):
			if i, ok := s.bodyParam(aliases, call.Args, 0, params); ok {
				f.LimitsBody |= 1 << i
			}
		default:
			cs, known := of(callee)
			if !known || cs.ReadsBody|cs.LimitsBody == 0 {
				continue
			}
			csig := callee.Signature()
			for j := range call.Args {
				if j >= csig.Params().Len() || csig.Variadic() && j >= csig.Params().Len()-1 {
					break
				}
				i, ok := s.bodyParam(aliases, call.Args, j, params)
				if !ok || i >= 32 {
					continue
				}
				if cs.ReadsBody&(1<<j) != 0 {
					f.ReadsBody |= 1 << i
				}
				if cs.LimitsBody&(1<<j) != 0 {
					f.LimitsBody |= 1 << i
				}
			}
		}
	}
	f.ReadsBody &^= f.LimitsBody // a body limited in the function is not read unlimited by it
	return f
}

// sendsOnCtx returns the bits of the context parameters of fn that bound,
// alone, a request the function (or a function it calls) sends through a
// client with no timeout.
func (s *summarizer) sendsOnCtx(fn *types.Func, decl inspector.Cursor, of func(*types.Func) (Func, bool)) (uint32, bool) {
	var out uint32
	via := false
	for c := range decl.Preorder((*ast.CallExpr)(nil)) {
		call := c.Node().(*ast.CallExpr)
		callee := match.Callee(s.info, call)
		if callee == nil {
			continue
		}
		if apis.IsHTTPSend(callee) {
			if callee.Name() != "Do" || len(call.Args) != 1 || !s.unboundedClient(call, fn, of) {
				continue
			}
			if i, ok := s.requestCtxParam(call.Args[0], fn, of, 0); ok {
				out |= 1 << i
				via = via || s.defaultClient(call)
			}
			continue
		}
		cs, known := of(callee)
		if !known || cs.SendsOnCtx|cs.SendsRequest == 0 {
			continue
		}
		for j, a := range call.Args {
			if j < 32 && cs.SendsOnCtx&(1<<j) != 0 {
				if i, ok := s.ctxParam(a, fn, 0); ok {
					out |= 1 << i
					via = via || cs.ViaDefault
				}
			}
			if j < 32 && cs.SendsRequest&(1<<j) != 0 {
				if i, ok := s.requestCtxParam(a, fn, of, 0); ok {
					out |= 1 << i // c.do(req) of a request made on ctx
					via = via || cs.ViaDefault
				}
			}
		}
	}
	return out, via
}

// sendsRequest returns the bits of the request parameters of fn that it
// sends, directly or through what it calls, through a client known to
// have no timeout.
func (s *summarizer) sendsRequest(fn *types.Func, decl inspector.Cursor, of func(*types.Func) (Func, bool)) (uint32, bool) {
	var out uint32
	via := false
	for c := range decl.Preorder((*ast.CallExpr)(nil)) {
		call := c.Node().(*ast.CallExpr)
		callee := match.Callee(s.info, call)
		if callee == nil || match.InFuncLitUnder(c, decl) {
			continue
		}
		if apis.IsHTTPSend(callee) {
			if callee.Name() == "Do" && len(call.Args) == 1 && s.unboundedClient(call, fn, of) {
				if i, ok := s.requestParam(call.Args[0], fn); ok {
					out |= 1 << i
					via = via || s.defaultClient(call)
				}
			}
			continue
		}
		cs, known := of(callee)
		if !known || cs.SendsRequest == 0 {
			continue
		}
		for j, a := range call.Args {
			if j < 32 && cs.SendsRequest&(1<<j) != 0 {
				if i, ok := s.requestParam(a, fn); ok {
					out |= 1 << i
					via = via || cs.ViaDefault
				}
			}
		}
	}
	return out, via
}

// requestParam returns the index of the request parameter of fn that e
// is, when the function never assigns it another value.
func (s *summarizer) requestParam(e ast.Expr, fn *types.Func) (uint8, bool) {
	v := match.Var(s.info, e)
	if v == nil || len(s.idx.Assignments(v)) > 0 || !match.IsNamedOrPointer(v.Type(), "net/http", "Request") {
		return 0, false
	}
	i, ok := paramIndex(s.info, e, fn)
	return i, ok && i < 32
}

// requestOnCtx returns 1 + the context parameter every request fn returns
// is made with, or 0.
func (s *summarizer) requestOnCtx(fn *types.Func, decl inspector.Cursor, of func(*types.Func) (Func, bool)) uint8 {
	return s.paramOfEveryReturn(decl, func(e ast.Expr) (uint8, bool) { return s.requestCtxParam(e, fn, of, 0) })
}

// paramOfEveryReturn returns 1 + the parameter index that param finds for
// the first result of every return of decl (its function literals aside;
// nil results skipped), or 0 when a return has none or they differ.
func (s *summarizer) paramOfEveryReturn(decl inspector.Cursor, param func(ast.Expr) (uint8, bool)) uint8 {
	found, idx := false, uint8(0)
	for c := range decl.Preorder((*ast.ReturnStmt)(nil)) {
		ret := c.Node().(*ast.ReturnStmt)
		if match.InFuncLitUnder(c, decl) {
			continue
		}
		if len(ret.Results) == 0 {
			return 0
		}
		if match.IsNil(s.info, ret.Results[0]) {
			continue
		}
		i, ok := param(ret.Results[0])
		if !ok || found && i != idx || i >= 255 {
			return 0
		}
		found, idx = true, i
	}
	if !found {
		return 0
	}
	return idx + 1
}

// unboundedClient reports whether the client a Do call sends through is
// known to have no timeout: http.DefaultClient, or a client made in the
// function without one.
func (s *summarizer) unboundedClient(call *ast.CallExpr, fn *types.Func, of func(*types.Func) (Func, bool)) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	if s.defaultClient(call) {
		return true
	}
	k, _ := s.clientOf(sel.X, fn, of, 0)
	return k == NoTimeout
}

// defaultClient reports whether call is a method call on http.DefaultClient.
func (s *summarizer) defaultClient(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	return ok && match.IsPackageVar(match.ObjectOf(s.info, sel.X), "net/http", "DefaultClient")
}

// requestCtxParam returns the context parameter of fn a request was made
// with (http.NewRequestWithContext, req.WithContext), through local
// variables.
func (s *summarizer) requestCtxParam(e ast.Expr, fn *types.Func, of func(*types.Func) (Func, bool), hops int) (uint8, bool) {
	if hops > maxHops {
		return 0, false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		callee := match.Callee(s.info, e)
		if (match.IsFunc(callee, "net/http", "NewRequestWithContext") || match.IsMethod(callee, "net/http", "Request", "WithContext")) && len(e.Args) > 0 {
			return s.ctxParam(e.Args[0], fn, hops+1)
		}
		if callee != nil {
			// A request builder: c.newRequest(ctx, ...).
			if cs, known := of(callee); known && cs.RequestOnCtx != 0 && int(cs.RequestOnCtx)-1 < len(e.Args) {
				return s.ctxParam(e.Args[cs.RequestOnCtx-1], fn, hops+1)
			}
		}
	case *ast.Ident:
		v, ok := s.info.Uses[e].(*types.Var)
		if !ok || v.Kind() == types.ParamVar {
			return 0, false
		}
		found, idx := false, uint8(0)
		for _, a := range s.idx.Assignments(v) {
			if a.Value == nil {
				continue
			}
			if a.Multi && a.Result != 0 {
				return 0, false
			}
			i, ok := s.requestCtxParam(a.Value, fn, of, hops+1)
			if !ok || found && i != idx {
				return 0, false
			}
			found, idx = true, i
		}
		return idx, found
	}
	return 0, false
}

// ctxParam returns the context parameter of fn that e is, or derives
// from with WithCancel or WithValue (which add no deadline).
func (s *summarizer) ctxParam(e ast.Expr, fn *types.Func, hops int) (uint8, bool) {
	if hops > maxHops {
		return 0, false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if match.IsFunc(match.Callee(s.info, e), "context", "WithCancel", "WithCancelCause", "WithValue") && len(e.Args) > 0 {
			return s.ctxParam(e.Args[0], fn, hops+1)
		}
	case *ast.Ident:
		v, ok := s.info.Uses[e].(*types.Var)
		if !ok {
			return 0, false
		}
		if v.Kind() == types.ParamVar {
			for _, a := range s.idx.Assignments(v) {
				if !s.derivesUnbounded(a, v) {
					return 0, false // ctx = context.WithTimeout(ctx, d): bounded here
				}
			}
			i, ok := paramIndex(s.info, e, fn)
			return i, ok && i < 32 && match.IsNamed(v.Type(), "context", "Context")
		}
		found, idx := false, uint8(0)
		for _, a := range s.idx.Assignments(v) {
			if a.Value == nil || a.Multi && a.Result != 0 {
				return 0, false
			}
			i, ok := s.ctxParam(a.Value, fn, hops+1)
			if !ok || found && i != idx {
				return 0, false
			}
			found, idx = true, i
		}
		return idx, found
	}
	return 0, false
}

// derivesUnbounded reports whether the assignment gives v a context
// derived from v itself without a deadline: ctx, cancel = context.WithCancel(ctx).
func (s *summarizer) derivesUnbounded(a index.Assignment, v *types.Var) bool {
	call, ok := ast.Unparen(a.Value).(*ast.CallExpr)
	if !ok || a.Result != 0 || len(call.Args) == 0 {
		return false
	}
	return match.IsFunc(match.Callee(s.info, call), "context", "WithCancel", "WithCancelCause", "WithValue") &&
		match.Var(s.info, call.Args[0]) == v
}

// bodyParam returns the index of the parameter whose body args[j] is:
// r.Body for a request parameter r, or r for a request or reader
// parameter.
func (s *summarizer) bodyParam(aliases map[*types.Var]ast.Expr, args []ast.Expr, j int, params *types.Tuple) (int, bool) {
	if j >= len(args) {
		return 0, false
	}
	e := ast.Unparen(args[j])
	if v := match.Var(s.info, e); v != nil && aliases[v] != nil {
		e = aliases[v] // body := r.Body; io.ReadAll(body)
	}
	if sel, ok := e.(*ast.SelectorExpr); ok && match.IsFieldOf(match.FieldSelection(s.info, sel), "net/http", "Request", "Body") {
		e = ast.Unparen(sel.X)
	}
	v := match.Var(s.info, e)
	if v == nil || v.Kind() != types.ParamVar {
		return 0, false
	}
	for i := range params.Len() {
		if params.At(i) == v && isBodyParam(v.Type()) && i < 32 {
			return i, true
		}
	}
	return 0, false
}

// bodyAliases maps each local variable of the function that is only ever
// assigned a request's body (body := r.Body) to that body expression.
func (s *summarizer) bodyAliases(decl inspector.Cursor) map[*types.Var]ast.Expr {
	aliases := map[*types.Var]ast.Expr{}
	other := map[*types.Var]bool{}
	note := func(id *ast.Ident, rhs ast.Expr) {
		v, ok := s.info.ObjectOf(id).(*types.Var)
		if !ok || v.IsField() || v.Kind() != types.LocalVar {
			return
		}
		if rhs != nil && match.IsFieldOf(match.FieldSelection(s.info, ast.Unparen(rhs)), "net/http", "Request", "Body") {
			aliases[v] = ast.Unparen(rhs)
		} else {
			other[v] = true
		}
	}
	for c := range decl.Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
		switch n := c.Node().(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if id, ok := ast.Unparen(l).(*ast.Ident); ok {
					var rhs ast.Expr
					if len(n.Lhs) == len(n.Rhs) {
						rhs = n.Rhs[i]
					}
					note(id, rhs)
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				var rhs ast.Expr
				if len(n.Names) == len(n.Values) {
					rhs = n.Values[i]
				}
				note(id, rhs)
			}
		}
	}
	for v := range other {
		delete(aliases, v)
	}
	return aliases
}

// isBodyParam reports whether a parameter of type t carries a body: an
// *http.Request, or an io.Reader or io.ReadCloser.
func isBodyParam(t types.Type) bool {
	return match.IsPointerTo(t, "net/http", "Request") || match.IsNamed(t, "io", "Reader", "ReadCloser")
}

func returnsClientOrTransport(sig *types.Signature) bool {
	for v := range sig.Results().Variables() {
		if isClientOrTransport(v.Type()) {
			return true
		}
	}
	return false
}

func isClientOrTransport(t types.Type) bool {
	return match.IsNamedOrPointer(t, "net/http", "Client", "Transport") || match.IsNamed(t, "net/http", "RoundTripper")
}

// clientOf classifies the client e evaluates to, and the parameter its
// timeout comes from: a literal, new(http.Client), a constructor's result
// (by its summary), a local variable (by the values it is given) or a
// client field of the package (by the values the package gives it, see
// clientField).
func (s *summarizer) clientOf(e ast.Expr, fn *types.Func, of func(*types.Func) (Func, bool), hops int) (Client, uint8) {
	if hops > maxHops {
		return NoClient, 0
	}
	e = match.Pointee(e)
	switch e := e.(type) {
	case *ast.CompositeLit:
		if !match.IsNamed(s.info.TypeOf(e), "net/http", "Client") {
			return NoClient, 0
		}
		if kv := match.Field(e, "Timeout"); kv != nil {
			if i, ok := paramIndex(s.info, kv.Value, fn); ok {
				return TimeoutParam, i
			}
			return WithTimeout, 0
		}
		if t := match.Field(e, "Transport"); t != nil && !s.transportUnbounded(t.Value) {
			return NoClient, 0
		}
		return NoTimeout, 0
	case *ast.CallExpr:
		callee := match.Callee(s.info, e)
		if match.IsBuiltin(s.info, e.Fun, "new") && len(e.Args) == 1 &&
			match.IsNamed(s.info.TypeOf(e.Args[0]), "net/http", "Client") {
			return NoTimeout, 0
		}
		cs, known := of(callee)
		if !known {
			return NoClient, 0
		}
		if cs.Client == TimeoutParam {
			if int(cs.TimeoutParam) < len(e.Args) {
				if i, ok := paramIndex(s.info, e.Args[cs.TimeoutParam], fn); ok {
					return TimeoutParam, i
				}
			}
			return WithTimeout, 0
		}
		return cs.Client, 0
	case *ast.Ident:
		v, ok := s.info.Uses[e].(*types.Var)
		if !ok || v.Parent() == nil || v.Parent() == v.Pkg().Scope() || v.Kind() == types.ParamVar {
			return NoClient, 0 // a package variable (shared, judged where it is made) or a parameter
		}
		if s.configured(v) {
			return WithTimeout, 0
		}
		best, param := NoClient, uint8(0)
		for _, a := range s.idx.Assignments(v) {
			if a.Value == nil || a.Multi && a.Result != 0 {
				continue
			}
			k, p := s.clientOf(a.Value, fn, of, hops+1)
			if k > best {
				best, param = k, p
			}
		}
		return best, param
	case *ast.SelectorExpr:
		f, values, ok := s.clientField(e)
		if !ok {
			return NoClient, 0
		}
		k := s.fieldClient(values, of, hops)
		if s.judged == nil {
			s.judged = map[*types.Var]Client{}
		}
		s.judged[f] = k
		return k, 0
	}
	return NoClient, 0
}

// fieldClient judges a client field (d.client) by every value the
// package assigns it: a client without a timeout when each is one. The
// values lie in other functions than the one asking, so no parameter of
// it gives their timeout.
func (s *summarizer) fieldClient(values []ast.Expr, of func(*types.Func) (Func, bool), hops int) Client {
	for _, v := range values {
		if k, _ := s.clientOf(v, nil, of, hops+1); k != NoTimeout {
			return NoClient
		}
	}
	return NoTimeout
}

// fieldsChanged judges again, with the summaries so far, every client
// field a summary asked about, and reports whether one is judged
// otherwise now (a constructor of the package summarized after the
// method that sends through the field): the package is then summarized
// again.
func (s *summarizer) fieldsChanged(of func(*types.Func) (Func, bool)) bool {
	changed := false
	for f, k := range s.judged {
		if now := s.fieldClient(s.fields[f].values, of, 0); now != k {
			s.judged[f] = now
			changed = true
		}
	}
	return changed
}

// clientField returns every value the package assigns the client field
// sel selects, when they are all it ever holds: the field is unexported
// (only its package can assign it) and of this package, of a type that is
// not generic, assigned at least once and only by keyed literals
// (T{client: v}) and assignments (x.client = v), and otherwise only sent
// through or compared with nil, directly or through a local variable
// that is. A field whose Timeout or Transport is touched, whose address
// is taken, or that is handed to a call, returned or stored elsewhere may
// be configured where this package cannot see: unknown.
func (s *summarizer) clientField(sel *ast.SelectorExpr) (*types.Var, []ast.Expr, bool) {
	selection, ok := s.info.Selections[sel]
	if !ok || selection.Kind() != types.FieldVal {
		return nil, nil, false
	}
	f, ok := selection.Obj().(*types.Var)
	if !ok || f.Pkg() != s.pkg || f.Exported() || f.Embedded() || f != f.Origin() ||
		!match.IsNamedOrPointer(f.Type(), "net/http", "Client") || genericRecv(selection.Recv()) {
		return nil, nil, false
	}
	if fv, ok := s.fields[f]; ok {
		return f, fv.values, fv.known
	}
	if s.fields == nil {
		s.fields = map[*types.Var]fieldValues{}
	}
	values, known := s.fieldValuesOf(f)
	s.fields[f] = fieldValues{values, known}
	return f, values, known
}

// fieldValuesOf computes clientField's answer for the field f.
func (s *summarizer) fieldValuesOf(f *types.Var) ([]ast.Expr, bool) {
	if s.unkeyed == nil {
		s.unkeyed = unkeyedStructs(s.info, s.idx)
	}
	if s.unkeyed[f] {
		return nil, false // T{c, ...}: a value the index does not list
	}
	for _, u := range s.idx.Uses(f) {
		switch u.ParentEdgeKind() {
		case edge.KeyValueExpr_Key: // T{client: v}: listed below
		case edge.SelectorExpr_Sel:
			if !s.onlySends(u.Parent(), true) {
				return nil, false
			}
		default:
			return nil, false
		}
	}
	var values []ast.Expr
	for _, a := range s.idx.Assignments(f) {
		if a.Value == nil || a.Multi && a.Result != 0 || a.Tok != token.ASSIGN && a.Tok != token.COLON {
			return nil, false
		}
		values = append(values, a.Value)
	}
	return values, len(values) > 0
}

// onlySends reports whether the client expression at c (a field
// selection, or a use of a local variable) is only assigned, sent through
// (a method of http.Client other than reading or setting its Timeout or
// Transport) or compared with nil; with alias set, also given to a local
// variable whose every use is one of those.
func (s *summarizer) onlySends(c inspector.Cursor, alias bool) bool {
	c = match.Unparen(c)
	switch c.ParentEdgeKind() {
	case edge.AssignStmt_Lhs:
		return true // an assignment, listed by the index
	case edge.SelectorExpr_X:
		f := match.FieldSelection(s.info, c.Parent().Node().(*ast.SelectorExpr))
		return !match.IsFieldOf(f, "net/http", "Client", "Timeout", "Transport")
	case edge.BinaryExpr_X, edge.BinaryExpr_Y:
		bin := c.Parent().Node().(*ast.BinaryExpr)
		return (bin.Op == token.EQL || bin.Op == token.NEQ) && (match.IsNil(s.info, bin.X) || match.IsNil(s.info, bin.Y))
	case edge.AssignStmt_Rhs, edge.ValueSpec_Values:
		if !alias {
			return false
		}
		var lhs ast.Expr
		switch n := c.Parent().Node().(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				lhs = n.Lhs[c.ParentEdgeIndex()]
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				lhs = n.Names[c.ParentEdgeIndex()]
			}
		}
		v := index.AssignedVar(s.info, lhs)
		if lhs == nil || v == nil || v.IsField() || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
			return false
		}
		for _, u := range s.idx.Uses(v) {
			if !s.onlySends(u, false) {
				return false
			}
		}
		return true
	}
	return false
}

// genericRecv reports whether a selection's receiver type is, or points
// to, an instance of a generic type: its fields are other objects.
func genericRecv(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && (n.TypeParams().Len() > 0 || n.TypeArgs().Len() > 0)
}

// configured reports whether the client variable v has its Timeout or
// Transport set after it is made, or is handed to a call that may.
func (s *summarizer) configured(v *types.Var) bool {
	for _, u := range s.idx.Uses(v) {
		p := u.Parent()
		if sel, ok := p.Node().(*ast.SelectorExpr); ok && sel.X == u.Node() {
			if sel.Sel.Name == "Timeout" || sel.Sel.Name == "Transport" {
				return true
			}
		}
		if _, ok := p.Node().(*ast.CallExpr); ok && u.ParentEdgeKind() == edge.CallExpr_Args {
			return true
		}
		if un, ok := p.Node().(*ast.UnaryExpr); ok && un.Op == token.AND {
			if _, ok := p.Parent().Node().(*ast.CallExpr); ok {
				return true
			}
		}
	}
	return false
}

// transportUnbounded reports whether a Transport expression is known to
// set no ResponseHeaderTimeout: http.DefaultTransport or a literal without it.
func (s *summarizer) transportUnbounded(e ast.Expr) bool {
	e = match.Pointee(e)
	if lit, ok := e.(*ast.CompositeLit); ok && match.IsNamed(s.info.TypeOf(lit), "net/http", "Transport") {
		if match.Field(lit, "DialContext") != nil || match.Field(lit, "Dial") != nil {
			return false // may dial one fixed endpoint
		}
		kv := match.Field(lit, "ResponseHeaderTimeout")
		return kv == nil || match.IsZeroConst(s.info, kv.Value)
	}
	return match.IsPackageVar(match.ObjectOf(s.info, e), "net/http", "DefaultTransport")
}

// freshTransport reports whether e builds a new http.Transport on every
// evaluation: a Transport literal, a client literal whose Transport is
// one, or the result of a function that builds one per call.
func (s *summarizer) freshTransport(e ast.Expr, of func(*types.Func) (Func, bool), hops int) bool {
	if hops > maxHops {
		return false
	}
	e = match.Pointee(e)
	switch e := e.(type) {
	case *ast.CompositeLit:
		switch t := s.info.TypeOf(e); {
		case match.IsNamed(t, "net/http", "Transport"):
			return true
		case match.IsNamed(t, "net/http", "Client"):
			kv := match.Field(e, "Transport")
			return kv != nil && s.freshTransport(kv.Value, of, hops+1)
		}
	case *ast.CallExpr:
		cs, known := of(match.Callee(s.info, e))
		return known && cs.FreshTransport
	case *ast.Ident:
		v, ok := s.info.Uses[e].(*types.Var)
		if !ok || v.Parent() == nil || v.Parent() == v.Pkg().Scope() || v.Kind() == types.ParamVar {
			return false
		}
		for _, a := range s.idx.Assignments(v) {
			if a.Value != nil && !(a.Multi && a.Result != 0) && s.freshTransport(a.Value, of, hops+1) {
				return true
			}
		}
	}
	return false
}

// paramIndex returns the index of the parameter of fn that e denotes
// (none when fn is nil).
func paramIndex(info *types.Info, e ast.Expr, fn *types.Func) (uint8, bool) {
	v := match.Var(info, e)
	if fn == nil || v == nil || v.Kind() != types.ParamVar {
		return 0, false
	}
	params := fn.Signature().Params()
	for i := range params.Len() {
		if params.At(i) == v && i < 256 {
			return uint8(i), true
		}
	}
	return 0, false
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}
