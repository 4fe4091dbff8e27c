package httpclient

import (
	"go/ast"
	"go/constant"
	"go/types"
	"reflect"
	"slices"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/apis"
	"github.com/prodlint/prodlint/analyzers/internal/index"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
	"github.com/prodlint/prodlint/analyzers/internal/summary/httpsum"
)

// send is a call that sends an HTTP request and returns (*http.Response, error).
type send struct {
	call   *ast.CallExpr
	fn     *types.Func
	client ast.Expr // the *http.Client receiver; nil for http.Get and friends
	// helper is set for the call of a function of the program that sends
	// a request and returns its response with the body open
	// (httpsum.Func.ReturnsResponse), which http-bodyclose and http-error
	// judge as a send (sendsAndHelpers).
	helper bool
}

// sendsAnalyzer finds the package's HTTP sends once for the client rules,
// which require it. Like inspect.Analyzer it holds no state; its result
// computes on the first rule's question.
var sendsAnalyzer = &analysis.Analyzer{
	Name:       "prodlint_httpsends",
	Doc:        "finds the calls of a package that send an HTTP request",
	Requires:   []*analysis.Analyzer{index.Analyzer},
	ResultType: reflect.TypeOf((*sendScan)(nil)),
	Run: func(pass *analysis.Pass) (any, error) {
		return &sendScan{info: pass.TypesInfo, idx: pass.ResultOf[index.Analyzer].(*index.Index)}, nil
	},
}

// sendRequires is what a rule over sendsOf requires.
var sendRequires = []*analysis.Analyzer{sendsAnalyzer}

// helperRequires is what a rule over sendsAndHelpers requires.
var helperRequires = []*analysis.Analyzer{httpsum.Analyzer, sendsAnalyzer}

// sendScan is the result of sendsAnalyzer.
type sendScan struct {
	info  *types.Info
	idx   *index.Index
	once  sync.Once
	sends []sendAt

	helpersOnce sync.Once
	withHelpers []sendAt // sends and helper calls, for sendsAndHelpers

	mu   sync.Mutex                  // guards cfgs: the rules of a package run concurrently
	cfgs map[*ast.BlockStmt]funcFlow // by function body, for the functions with a send
}

// sendAt is a send and where it is.
type sendAt struct {
	send
	cursor inspector.Cursor
}

// sendsOf returns the package's sends in source order, found once per
// package.
func sendsOf(p *rule.Pass) []sendAt {
	s := p.ResultOf[sendsAnalyzer].(*sendScan)
	s.once.Do(func() {
		for c := range s.idx.Calls() {
			if sd, ok := asSend(s.info, c.Node().(*ast.CallExpr)); ok {
				s.sends = append(s.sends, sendAt{sd, c})
			}
		}
	})
	return s.sends
}

// sendsAndHelpers returns, in source order, the package's HTTP sends
// (sendsOf) and the calls of functions, of this package or imported,
// whose summary says they send a request and return its response with
// the body open (performRequest(ctx, c, req) returning client.Do's
// response), found once per package. Such a call is a send to its
// caller: the caller owns the body as it owns a send's, and since the
// helper returns the send's own response, on a failed request it gets
// the nil response with the error.
func sendsAndHelpers(p *rule.Pass) []sendAt {
	s := p.ResultOf[sendsAnalyzer].(*sendScan)
	sends := sendsOf(p)
	s.helpersOnce.Do(func() {
		sums := p.ResultOf[httpsum.Analyzer].(*httpsum.Result)
		var helpers []sendAt
		for c := range s.idx.Calls() {
			call := c.Node().(*ast.CallExpr)
			fn := match.Callee(s.info, call)
			if fn == nil || fn.Signature().Results().Len() != 2 || apis.IsHTTPSend(fn) {
				continue // no summary to ask for: not (*http.Response, error), or a send sendsOf lists
			}
			if sum, known := sums.Of(fn); known && sum.ReturnsResponse {
				helpers = append(helpers, sendAt{send{call: call, fn: fn, helper: true}, c})
			}
		}
		if len(helpers) == 0 {
			s.withHelpers = sends
			return
		}
		all := append(slices.Clip(sends), helpers...)
		slices.SortStableFunc(all, func(a, b sendAt) int { return int(a.call.Pos() - b.call.Pos()) })
		s.withHelpers = all
	})
	return s.withHelpers
}

// asSend recognises the calls the API tables list as HTTP sends returning
// (*http.Response, error): http.Get/Head/Post/PostForm and the
// *http.Client methods Do/Get/Head/Post/PostForm, called as a method or a
// method value.
func asSend(info *types.Info, call *ast.CallExpr) (send, bool) {
	fn := match.Callee(info, call)
	if fn == nil || !apis.IsHTTPSend(fn) {
		return send{}, false
	}
	if fn.Signature().Recv() == nil {
		return send{call: call, fn: fn}, true
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return send{}, false
	}
	if s, ok := info.Selections[sel]; !ok || s.Kind() != types.MethodVal {
		return send{}, false // a method expression, (*http.Client).Do(c, req): too rare to model
	}
	return send{call: call, fn: fn, client: sel.X}, true
}

// usesDefaultClient reports whether the request goes through
// http.DefaultClient: a package func, or a method called on it.
func (s send) usesDefaultClient(info *types.Info) bool {
	return s.client == nil || isDefaultClient(info, s.client)
}

// api names the call in messages: "http.Get", "http.DefaultClient.Do",
// "client.Do" (the receiver as written, when it is a short name) or
// "http.Client.Do".
func (s send) api(info *types.Info) string {
	name := s.fn.Name()
	switch {
	case s.helper:
		if text := shortName(s.call.Fun); text != "" {
			return text // performRequest, c.do, lfs.PerformRequest
		}
		return name
	case s.client == nil:
		return "http." + name
	case isDefaultClient(info, s.client):
		return "http.DefaultClient." + name
	}
	if text := shortName(s.client); text != "" {
		return text + "." + name
	}
	return "http.Client." + name
}

// shortName returns e as written when it is an identifier or a short chain
// of field selections (client, s.client), else "".
func shortName(e ast.Expr) string {
	for x := ast.Unparen(e); ; {
		switch v := x.(type) {
		case *ast.Ident:
			if text := types.ExprString(e); len(text) <= 32 {
				return text
			}
			return ""
		case *ast.SelectorExpr:
			x = ast.Unparen(v.X)
		default:
			return ""
		}
	}
}

// isDefaultClient reports whether e denotes the variable http.DefaultClient.
func isDefaultClient(info *types.Info, e ast.Expr) bool {
	v, ok := match.ObjectOf(info, e).(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == "net/http" && v.Pkg().Scope().Lookup("DefaultClient") == v
}

// results says where a send's (*http.Response, error) go.
type results struct {
	stmt inspector.Cursor // the statement holding the send
	node ast.Node         // the send's node in a control-flow graph: the assignment or value spec

	discarded bool       // a call statement, go or defer: both results dropped
	resp, err ast.Expr   // the left-hand sides, when assigned
	respVar   *types.Var // resp when it is a local variable
	errVar    *types.Var // err when it is a local variable
}

// resultsOf finds where the results of the send at c go. ok is false when
// they flow somewhere the rules do not follow (a call argument, a return).
func resultsOf(info *types.Info, c inspector.Cursor) (r results, ok bool) {
	parent := c.Parent()
	switch stmt := parent.Node().(type) {
	case *ast.ExprStmt, *ast.GoStmt, *ast.DeferStmt:
		return results{stmt: parent, discarded: true}, true
	case *ast.AssignStmt:
		if len(stmt.Lhs) != 2 || len(stmt.Rhs) != 1 {
			return results{}, false
		}
		r = results{stmt: parent, node: stmt, resp: stmt.Lhs[0], err: stmt.Lhs[1]}
	case *ast.ValueSpec:
		if len(stmt.Names) != 2 || len(stmt.Values) != 1 {
			return results{}, false
		}
		r = results{stmt: parent.Parent().Parent(), node: stmt, resp: stmt.Names[0], err: stmt.Names[1]} // ValueSpec > GenDecl > DeclStmt
	default:
		return results{}, false
	}
	r.respVar = localVar(info, r.resp)
	r.errVar = localVar(info, r.err)
	return r, true
}

// localVar returns the function-local variable e names, or nil for the
// blank identifier, package variables, fields and other expressions.
func localVar(info *types.Info, e ast.Expr) *types.Var {
	v := match.Var(info, e)
	if v == nil || v.IsField() || v.Pkg() == nil || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	return v
}

// usesOf returns the cursors of the identifiers in the sub-tree at root
// that use v.
func usesOf(info *types.Info, root inspector.Cursor, v *types.Var) []inspector.Cursor {
	var out []inspector.Cursor
	for c := range root.Preorder((*ast.Ident)(nil)) {
		if info.Uses[c.Node().(*ast.Ident)] == v {
			out = append(out, c)
		}
	}
	return out
}

// responseField returns, for a use of a *http.Response variable that
// selects one of its fields (resp.Body, resp.StatusCode), the cursor of the
// selector expression and the field's name; "" for other uses.
func responseField(info *types.Info, use inspector.Cursor) (inspector.Cursor, string) {
	if use.ParentEdgeKind() != edge.SelectorExpr_X {
		return inspector.Cursor{}, ""
	}
	sel := use.Parent()
	s, ok := info.Selections[sel.Node().(*ast.SelectorExpr)]
	if !ok || s.Kind() != types.FieldVal || !match.IsNamedOrPointer(s.Recv(), "net/http", "Response") {
		return inspector.Cursor{}, ""
	}
	return sel, s.Obj().Name()
}

// sendsHead reports whether the call sends a HEAD request, whose response
// has no body: http.Head, client.Head, or client.Do(req) where every value
// the function gives req is built by http.NewRequest or
// NewRequestWithContext with the constant method "HEAD" (or req.Method is
// set to it). A later req.Method = X, after the send in the same function
// and in no loop around both, does not change the method of this send.
func (s send) sendsHead(info *types.Info, c inspector.Cursor) bool {
	if s.helper {
		return false // what it sends is the helper's
	}
	if s.fn.Name() == "Head" {
		return true
	}
	if s.fn.Name() != "Do" || len(s.call.Args) != 1 {
		return false
	}
	arg := sameRequest(info, s.call.Args[0])
	if call, ok := arg.(*ast.CallExpr); ok {
		return isHeadRequest(info, call)
	}
	v := localVar(info, arg)
	if v == nil {
		return false
	}
	builds, head := 0, 0
	for use := range match.OutermostFunc(c).Preorder((*ast.Ident)(nil)) {
		if id := use.Node().(*ast.Ident); info.Uses[id] != v && info.Defs[id] != v {
			continue
		}
		switch parent := use.Parent().Node().(type) {
		case *ast.AssignStmt:
			if use.ParentEdgeKind() != edge.AssignStmt_Lhs {
				continue
			}
			if len(parent.Rhs) == 1 && localVar(info, sameRequest(info, parent.Rhs[0])) == v {
				continue // req = req.WithContext(ctx): the method stays
			}
			builds++
			if call, ok := ast.Unparen(parent.Rhs[0]).(*ast.CallExpr); ok && len(parent.Rhs) == 1 && isHeadRequest(info, call) {
				head++
			}
		case *ast.SelectorExpr:
			if parent.Sel.Name != "Method" || use.Parent().ParentEdgeKind() != edge.AssignStmt_Lhs {
				continue
			}
			as := use.Parent().Parent().Node().(*ast.AssignStmt)
			if len(as.Rhs) == 1 && isConstString(info, as.Rhs[0], "HEAD") {
				return true // req.Method = http.MethodHead
			}
			if setAfter(c, use.Parent().Parent()) {
				continue // req.Method = GET for a later send: this one is still HEAD
			}
			return false
		}
	}
	return builds > 0 && builds == head
}

// sameRequest returns the request e copies with its method: the receiver
// of req.WithContext(ctx) or req.Clone(ctx), through any chain of them;
// otherwise e itself.
func sameRequest(info *types.Info, e ast.Expr) ast.Expr {
	for {
		e = ast.Unparen(e)
		call, ok := e.(*ast.CallExpr)
		if !ok {
			return e
		}
		sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !isSel || !match.IsMethodCall(info, call, "net/http", "Request", "WithContext", "Clone") {
			return e
		}
		e = sel.X
	}
}

// isHeadRequest reports whether call is http.NewRequest or
// NewRequestWithContext with the constant method "HEAD".
func isHeadRequest(info *types.Info, call *ast.CallExpr) bool {
	fn := match.Callee(info, call)
	switch {
	case match.IsFunc(fn, "net/http", "NewRequest"):
		return len(call.Args) > 0 && isConstString(info, call.Args[0], "HEAD")
	case match.IsFunc(fn, "net/http", "NewRequestWithContext"):
		return len(call.Args) > 1 && isConstString(info, call.Args[1], "HEAD")
	}
	return false
}

// isConstString reports whether e is a constant string equal to s.
func isConstString(info *types.Info, e ast.Expr, s string) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.String && constant.StringVal(tv.Value) == s
}

// setAfter reports whether the assignment as runs only after the send c: it
// starts after c ends, both sit directly in the same function (no function
// literal between either and it), and no loop of that function encloses
// both, so no path runs as before c.
func setAfter(c, as inspector.Cursor) bool {
	if as.Node().Pos() < c.Node().End() {
		return false
	}
	fn := enclosingFunc(c)
	if fn.Node() == nil || enclosingFunc(as) != fn {
		return false
	}
	for p := as.Parent(); p != fn; p = p.Parent() {
		switch loop := p.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			if loop.Pos() <= c.Node().Pos() && c.Node().End() <= loop.End() {
				return false
			}
		}
	}
	return true
}

// enclosingFunc returns the cursor of the innermost function declaration or
// literal around c, or the zero cursor.
func enclosingFunc(c inspector.Cursor) inspector.Cursor {
	for p := c.Parent(); p.Node() != nil; p = p.Parent() {
		switch p.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return p
		}
	}
	return inspector.Cursor{}
}
