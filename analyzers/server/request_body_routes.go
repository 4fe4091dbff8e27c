package server

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/index"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// routedBehindLimit reports whether every reference to the handler's
// function registers it on a router (router.HandleFunc(pattern, h),
// router.Handle(pattern, http.HandlerFunc(h))) held in a local variable
// that reaches clients only through a closure that limits its request's
// body before it delegates: the router, perhaps through wrapper calls
// whose results are assigned (d := decompress(router)), is used only as
// the receiver of method calls other than ServeHTTP, as such a wrapper
// argument, or as the receiver of ServeHTTP inside a handler literal that
// applies http.MaxBytesReader or io.LimitReader to its own body.
func routedBehindLimit(p *rule.Pass, aliases map[*types.Var]ast.Expr, h handler) bool {
	_, regs := registrations(p, h, false)
	for _, reg := range regs {
		if !routerLimited(p, aliases, reg.router, reg.fn) {
			return false
		}
	}
	return len(regs) > 0
}

// routeRegistration is one place a handler function is registered: the
// router variable whose method takes it, and where every use of the router
// is in view: the outermost function around that call for a local
// variable, the whole package (the zero cursor) for an unexported field.
type routeRegistration struct {
	router *types.Var
	fn     inspector.Cursor
}

// registrations returns the handler's declared function and the routers
// every reference to it registers it on (registeringRouter); no
// registrations when the handler is a literal, is never referred to, or one
// reference to it is anything else (a call, a value stored or handed on).
// With wide, a handler literal that a function declaration returns is
// registered through that factory, every reference to which must be a
// call whose result is registered (router.HandleFunc("/up", c.upgrade())),
// and a router may also be an unexported field of the package.
func registrations(p *rule.Pass, h handler, wide bool) (*types.Func, []routeRegistration) {
	fn, factory := registeredFunc(p, h)
	if fn == nil || factory && !wide {
		return nil, nil
	}
	var regs []routeRegistration
	for c := range p.Cursors((*ast.Ident)(nil)) {
		if p.TypesInfo.Uses[c.Node().(*ast.Ident)] != fn {
			continue
		}
		if factory {
			call, ok := callOf(c)
			if !ok {
				return fn, nil
			}
			c = call
		}
		router, at, ok := registeringRouter(p, c, wide)
		if !ok {
			return fn, nil
		}
		regs = append(regs, routeRegistration{router, at})
	}
	return fn, regs
}

// registeredFunc returns the declared function through which the handler
// is registered: its own declaration, or, for a handler literal returned
// (perhaps converted to http.HandlerFunc) directly by a function
// declaration, that function (factory true), whose results are what
// routes hold.
func registeredFunc(p *rule.Pass, h handler) (fn *types.Func, factory bool) {
	switch n := h.c.Node().(type) {
	case *ast.FuncDecl:
		fn, _ = p.TypesInfo.Defs[n.Name].(*types.Func)
		return fn, false
	case *ast.FuncLit:
		c := match.Unparen(h.c)
		if c.ParentEdgeKind() == edge.CallExpr_Args && isConversion(p.TypesInfo, c.Parent().Node().(*ast.CallExpr)) {
			c = match.Unparen(c.Parent())
		}
		if c.ParentEdgeKind() != edge.ReturnStmt_Results {
			return nil, false
		}
		for fc := range c.Parent().Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			if fd, ok := fc.Node().(*ast.FuncDecl); ok {
				fn, _ = p.TypesInfo.Defs[fd.Name].(*types.Func)
				return fn, fn != nil
			}
			return nil, false // returned by a nested literal
		}
	}
	return nil, false
}

// callOf returns the call of the function referred to at c (f(), x.f()).
func callOf(c inspector.Cursor) (inspector.Cursor, bool) {
	if c.ParentEdgeKind() == edge.SelectorExpr_Sel {
		c = c.Parent()
	}
	c = match.Unparen(c)
	if c.ParentEdgeKind() != edge.CallExpr_Fun {
		return inspector.Cursor{}, false
	}
	return c.Parent(), true
}

// registeringRouter returns the local variable whose method call takes the
// function referred to at c as an argument, directly or converted to
// http.HandlerFunc, and the cursor of the function around that call. With
// wide, the router may be an unexported field of the package, every use of
// which is in view: the cursor is then the zero one.
func registeringRouter(p *rule.Pass, c inspector.Cursor, wide bool) (*types.Var, inspector.Cursor, bool) {
	info := p.TypesInfo
	if c.ParentEdgeKind() == edge.SelectorExpr_Sel {
		c = c.Parent() // s.handle
	}
	c = match.Unparen(c)
	if c.ParentEdgeKind() == edge.CallExpr_Args {
		if conv := c.Parent().Node().(*ast.CallExpr); match.IsNamed(info.TypeOf(conv.Fun), "net/http", "HandlerFunc") && isConversion(info, conv) {
			c = match.Unparen(c.Parent())
		}
	}
	if c.ParentEdgeKind() != edge.CallExpr_Args {
		return nil, inspector.Cursor{}, false
	}
	call := c.Parent().Node().(*ast.CallExpr)
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, inspector.Cursor{}, false
	}
	if f := unexportedField(p, sel.X); wide && f != nil {
		return f, inspector.Cursor{}, true
	}
	v := match.Var(info, sel.X)
	fc := match.OutermostFunc(c)
	if v == nil || !fc.Valid() {
		return nil, inspector.Cursor{}, false
	}
	// A variable declared in the function's body: every use is in view (a
	// parameter, field or package variable may be served elsewhere).
	var body *ast.BlockStmt
	switch n := fc.Node().(type) {
	case *ast.FuncDecl:
		body = n.Body
	case *ast.FuncLit:
		body = n.Body
	}
	if body == nil || v.Pos() < body.Pos() || v.Pos() >= body.End() {
		return nil, inspector.Cursor{}, false
	}
	return v, fc, true
}

// unexportedField returns the unexported field of a struct of the package
// that e selects (s.router), or nil: only the package can use it.
func unexportedField(p *rule.Pass, e ast.Expr) *types.Var {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	s, ok := p.TypesInfo.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return nil
	}
	f := s.Obj().(*types.Var)
	if f.Exported() || f.Pkg() != p.Pkg {
		return nil
	}
	return f
}

// isConversion reports whether call converts its argument to a type.
func isConversion(info *types.Info, call *ast.CallExpr) bool {
	tv, ok := info.Types[call.Fun]
	return ok && tv.IsType() && len(call.Args) == 1
}

// routerLimited follows the router variable through the function at fn
// (see routedBehindLimit): it is only delegated to from handlers that
// limit the body first.
func routerLimited(p *rule.Pass, aliases map[*types.Var]ast.Expr, router *types.Var, fn inspector.Cursor) bool {
	delegated := false
	ok := followRouter(p, router, fn, func(c inspector.Cursor, serveHTTP bool) routerUse {
		if !serveHTTP {
			return useElse
		}
		if !inLimitingHandler(p, aliases, c, fn) {
			return useUnsafe
		}
		delegated = true
		return useSeen
	})
	return ok && delegated
}

// routerUse is what a check of followRouter makes of one use of a router.
type routerUse int

const (
	useSeen   routerUse = iota // the use is safe and counts
	useUnsafe                  // the use defeats the check
	useElse                    // not the check's: it may be a wrapper's argument
)

// followRouter walks the uses in the function at fn of the router
// variable and of every local variable assigned the result of a wrapper
// over it (d := decompress(router)). A use as the receiver of a method
// other than ServeHTTP registers routes or adds middleware and is skipped;
// every other use goes to check (serveHTTP says whether it is the receiver
// of ServeHTTP). A use check leaves (useElse) must be a wrapper's argument.
// It reports false as soon as a use is unsafe or is neither.
func followRouter(p *rule.Pass, router *types.Var, fn inspector.Cursor, check func(c inspector.Cursor, serveHTTP bool) routerUse) bool {
	held := map[*types.Var]bool{router: true}
	work := []*types.Var{router}
	for len(work) > 0 {
		v := work[len(work)-1]
		work = work[:len(work)-1]
		for _, c := range p.Index.UsesIn(fn, v) {
			if v.IsField() {
				var set bool
				if c, set = fieldUse(p.TypesInfo, c); set {
					continue
				}
				if !c.Valid() {
					return false // set to a router made elsewhere, which may be served anywhere
				}
			}
			serveHTTP := false
			if c.ParentEdgeKind() == edge.SelectorExpr_X && c.Parent().ParentEdgeKind() == edge.CallExpr_Fun {
				if c.Parent().Node().(*ast.SelectorExpr).Sel.Name != "ServeHTTP" {
					continue // routes registered, middleware added
				}
				serveHTTP = true
			}
			switch check(c, serveHTTP) {
			case useSeen:
				continue
			case useUnsafe:
				return false
			}
			y, ok := wrapperResult(p.TypesInfo, c)
			if !ok {
				return false // served, stored or handed on some other way
			}
			if !held[y] {
				held[y] = true
				work = append(work, y)
			}
		}
	}
	return true
}

// fieldUse returns the selector (s.router) of a use of a router field at
// the identifier c; set is true when the use gives the field a new router
// (router: mux.NewRouter() in a literal, s.router = http.NewServeMux()),
// and the cursor is the zero one when it gives it any other value.
func fieldUse(info *types.Info, c inspector.Cursor) (sel inspector.Cursor, set bool) {
	switch c.ParentEdgeKind() {
	case edge.KeyValueExpr_Key:
		return inspector.Cursor{}, newRouter(c.Parent().Node().(*ast.KeyValueExpr).Value)
	case edge.SelectorExpr_Sel:
		sel = c.Parent()
		if sel.ParentEdgeKind() != edge.AssignStmt_Lhs {
			return sel, false
		}
		as := sel.Parent().Node().(*ast.AssignStmt)
		if len(as.Lhs) != 1 || len(as.Rhs) != 1 || !newRouter(as.Rhs[0]) {
			return inspector.Cursor{}, false
		}
		return sel, true
	}
	return inspector.Cursor{}, false
}

// newRouter reports whether e makes a router of its own: a call with no
// arguments (mux.NewRouter(), http.NewServeMux()) or a composite literal.
func newRouter(e ast.Expr) bool {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch e := e.(type) {
	case *ast.CallExpr:
		return len(e.Args) == 0
	case *ast.CompositeLit:
		return true
	}
	return false
}

// wrapperResult returns the local variable assigned the result of the call
// that takes the use at c (or &use) as an argument: d := wrap(router).
func wrapperResult(info *types.Info, c inspector.Cursor) (*types.Var, bool) {
	call, _, ok := match.ArgumentOf(c)
	if !ok {
		return nil, false
	}
	call = match.Unparen(call)
	var lhs ast.Expr
	switch n := call.Parent().Node().(type) {
	case *ast.AssignStmt:
		if len(n.Lhs) != 1 || len(n.Rhs) != 1 {
			return nil, false
		}
		lhs = n.Lhs[0]
	case *ast.ValueSpec:
		if len(n.Names) != 1 || len(n.Values) != 1 {
			return nil, false
		}
		lhs = n.Names[0]
	default:
		return nil, false
	}
	id, ok := lhs.(*ast.Ident)
	if !ok {
		return nil, false
	}
	v, ok := info.Defs[id].(*types.Var)
	if !ok {
		v, ok = info.Uses[id].(*types.Var)
	}
	return v, ok && v != nil
}

// inLimitingHandler reports whether the ServeHTTP call at c lies in a
// handler literal, inside the function at fn, that limits its own
// request's body.
func inLimitingHandler(p *rule.Pass, aliases map[*types.Var]ast.Expr, c, fn inspector.Cursor) bool {
	for lc := range c.Enclosing((*ast.FuncLit)(nil)) {
		if lc == fn {
			return false
		}
		h, ok := asHandler(p.TypesInfo, lc)
		if !ok {
			return false
		}
		for cc := range lc.Preorder((*ast.CallExpr)(nil)) {
			call := cc.Node().(*ast.CallExpr)
			if call.End() > c.Node().Pos() {
				break // the limit comes before the delegation
			}
			if body := boundedBody(p.TypesInfo, aliases, call); body != nil && isBodyOf(p.TypesInfo, aliases, body, h.r) {
				return true
			}
		}
		return false
	}
	return false
}

// routedOnLoopbackOnly reports whether the handler is an unexported
// function or method every reference to which registers it on a router
// held in a local variable that reaches clients only through servers bound
// to a constant loopback address (routerOnLoopback): only processes of the
// same host can send it a body.
func routedOnLoopbackOnly(p *rule.Pass, pkg *bodyPackage, h handler) bool {
	fn, regs := registrations(p, h, true)
	if fn == nil || fn.Exported() {
		return false // another package may register it on a public server
	}
	for _, reg := range regs {
		if !routerOnLoopback(p, pkg, reg.router, reg.fn) {
			return false
		}
	}
	return len(regs) > 0
}

// routerOnLoopback follows the router variable through the function at fn:
// it, or the result of a wrapper assigned to a local variable (d :=
// decompress(router)), is used only as the receiver of method calls other
// than ServeHTTP (routes registered), and at least once served: as the
// handler of http.Serve or ServeTLS on a loopback listener
// (isLocalListener), of http.ListenAndServe or ListenAndServeTLS on a
// loopback address, or as the Handler of an http.Server literal held in a
// local variable that is only served that way (serverOnLoopback).
func routerOnLoopback(p *rule.Pass, pkg *bodyPackage, router *types.Var, fn inspector.Cursor) bool {
	info := p.TypesInfo
	served := false
	ok := followRouter(p, router, fn, func(c inspector.Cursor, serveHTTP bool) routerUse {
		if serveHTTP {
			return useUnsafe // delegated to by a handler this form does not follow
		}
		if call, ok := servingCallArg(info, c); ok {
			if !servesOnLoopback(p, call) {
				return useUnsafe
			}
			served = true
			return useSeen
		}
		if lit, ok := serverHandlerField(info, c); ok {
			if !serverOnLoopback(p, pkg, lit, fn) {
				return useUnsafe
			}
			served = true
			return useSeen
		}
		return useElse
	})
	return ok && served
}

// servingCallArg returns the call to http.Serve, ServeTLS, ListenAndServe
// or ListenAndServeTLS whose handler argument is the use at c.
func servingCallArg(info *types.Info, c inspector.Cursor) (*ast.CallExpr, bool) {
	c = match.Unparen(c)
	if c.ParentEdgeKind() != edge.CallExpr_Args {
		return nil, false
	}
	call := c.Parent().Node().(*ast.CallExpr)
	if !match.IsCallTo(info, call, "net/http", "Serve", "ServeTLS", "ListenAndServe", "ListenAndServeTLS") {
		return nil, false
	}
	_, i := c.ParentEdge()
	if match.Callee(info, call).Name() == "ListenAndServeTLS" {
		return call, i == 3 // (addr, certFile, keyFile, handler)
	}
	return call, i == 1
}

// servesOnLoopback reports whether the serving call listens only on
// loopback: http.Serve(ln, h) or ServeTLS with a loopback listener,
// http.ListenAndServe(addr, h) or ListenAndServeTLS with a loopback address.
func servesOnLoopback(p *rule.Pass, call *ast.CallExpr) bool {
	if len(call.Args) == 0 {
		return false
	}
	switch match.Callee(p.TypesInfo, call).Name() {
	case "Serve", "ServeTLS":
		return isLocalListener(p, call.Args[0], 0)
	default:
		return loopbackAddress(p, call.Args[0], 0)
	}
}

// serverHandlerField returns the http.Server composite literal whose
// Handler field the use at c is the value of (http.Server{Handler: mux}).
func serverHandlerField(info *types.Info, c inspector.Cursor) (inspector.Cursor, bool) {
	c = match.Unparen(c)
	if c.ParentEdgeKind() != edge.KeyValueExpr_Value {
		return inspector.Cursor{}, false
	}
	kv := c.Parent().Node().(*ast.KeyValueExpr)
	key, ok := kv.Key.(*ast.Ident)
	if !ok {
		return inspector.Cursor{}, false
	}
	f, ok := info.Uses[key].(*types.Var)
	if !ok || !match.IsFieldOf(f, "net/http", "Server", "Handler") {
		return inspector.Cursor{}, false
	}
	return c.Parent().Parent(), true
}

// serverOnLoopback reports whether the http.Server literal at lit is
// assigned, as it is or by address, to a local variable of the function at
// fn that is used only as the receiver of method calls, and served only by
// Serve or ServeTLS on loopback listeners or, when the literal sets a
// loopback Addr, by ListenAndServe or ListenAndServeTLS; at least once.
func serverOnLoopback(p *rule.Pass, pkg *bodyPackage, lit, fn inspector.Cursor) bool {
	info := p.TypesInfo
	c := match.Unparen(lit)
	if u, ok := c.Parent().Node().(*ast.UnaryExpr); ok && u.Op == token.AND {
		c = match.Unparen(c.Parent())
	}
	var target ast.Expr
	switch n := c.Parent().Node().(type) {
	case *ast.AssignStmt:
		if n.Tok != token.DEFINE || len(n.Lhs) != 1 || len(n.Rhs) != 1 {
			return false
		}
		target = n.Lhs[0]
	case *ast.ValueSpec:
		if len(n.Names) != 1 || len(n.Values) != 1 {
			return false
		}
		target = n.Names[0]
	default:
		return false
	}
	srv := index.AssignedVar(info, target)
	if srv == nil || len(p.Index.Assignments(srv)) != 1 {
		return false // reassigned: another server may be served through it
	}
	addr := literalField(lit.Node().(*ast.CompositeLit), "Addr")
	served := false
	for _, u := range p.Index.Uses(srv) {
		if handedWithinPackage(p, u) && addr != nil && loopbackAddress(p, addr, 0) && pkg.listensOnAddr() {
			served = true // served by ListenAndServe on its loopback Addr, if at all
			continue
		}
		if u.ParentEdgeKind() != edge.SelectorExpr_X || u.Parent().ParentEdgeKind() != edge.CallExpr_Fun {
			return false // stored, handed on, or a field set later
		}
		call := u.Parent().Parent().Node().(*ast.CallExpr)
		method := match.Callee(info, call)
		if method == nil {
			return false
		}
		switch method.Name() {
		case "Serve", "ServeTLS":
			if len(call.Args) == 0 || !isLocalListener(p, call.Args[0], 0) {
				return false
			}
			served = true
		case "ListenAndServe", "ListenAndServeTLS":
			if addr == nil || !loopbackAddress(p, addr, 0) {
				return false
			}
			served = true
		}
	}
	return served && (!fn.Valid() || fn.Node().Pos() <= srv.Pos() && srv.Pos() < fn.Node().End())
}

// handedWithinPackage reports whether the use at u is an argument of a
// call to a function or method declared in the package being analyzed.
func handedWithinPackage(p *rule.Pass, u inspector.Cursor) bool {
	u = match.Unparen(u)
	if u.ParentEdgeKind() != edge.CallExpr_Args {
		return false
	}
	fn := match.Callee(p.TypesInfo, u.Parent().Node().(*ast.CallExpr))
	return fn != nil && fn.Pkg() == p.Pkg
}

// serversListenOnAddr reports whether every http.Server of the package
// can only listen on the Addr its literal sets: the package calls Serve or
// ServeTLS (which ignore Addr) only with loopback listeners
// (isLocalListener), sets Addr nowhere but in composite literals, and
// hands no server to other packages: as an argument of their functions,
// or through an exported function or method result, field or variable. A server literal with a loopback Addr
// handed to a function of the package then listens on loopback wherever
// that function starts it.
func serversListenOnAddr(p *rule.Pass) bool {
	srvType := httpServerType(p.Pkg)
	if srvType == nil {
		return false
	}
	ptr := types.NewPointer(srvType)
	for _, name := range []string{"Serve", "ServeTLS"} {
		obj, _, _ := types.LookupFieldOrMethod(ptr, false, nil, name)
		method, ok := obj.(*types.Func)
		if !ok {
			return false
		}
		for _, c := range p.Index.CallsOf(method) {
			call := c.Node().(*ast.CallExpr)
			if len(call.Args) == 0 || !isLocalListener(p, call.Args[0], 0) {
				return false
			}
		}
	}
	obj, _, _ := types.LookupFieldOrMethod(ptr, false, nil, "Addr")
	addrField, ok := obj.(*types.Var)
	if !ok {
		return false
	}
	for _, a := range p.Index.Assignments(addrField) {
		if a.Tok != token.COLON {
			return false // srv.Addr = …: set after the literal
		}
	}
	for c := range p.Index.Calls() {
		call := c.Node().(*ast.CallExpr)
		if fn := match.Callee(p.TypesInfo, call); fn != nil && fn.Pkg() == p.Pkg {
			continue
		}
		for _, arg := range call.Args {
			if isServerType(p.TypesInfo.TypeOf(arg), srvType) {
				return false // handed to another package, which may serve it anywhere
			}
		}
	}
	return !exportsServer(p.Pkg.Scope(), srvType)
}

// isServerType reports whether t is srvType or a pointer to it.
func isServerType(t, srvType types.Type) bool {
	if t == nil {
		return false
	}
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	return types.Identical(t, srvType)
}

// httpServerType returns net/http's Server type as pkg imports it, or nil.
func httpServerType(pkg *types.Package) types.Type {
	for _, imp := range pkg.Imports() {
		if imp.Path() == "net/http" {
			if tn, ok := imp.Scope().Lookup("Server").(*types.TypeName); ok {
				return tn.Type()
			}
		}
	}
	return nil
}

// exportsServer reports whether an exported object of scope can hand an
// http.Server (or a pointer to one) to another package: an exported
// variable of that type, an exported function or method returning it, or
// an exported field of a struct type declared there.
func exportsServer(scope *types.Scope, srvType types.Type) bool {
	isServer := func(t types.Type) bool { return isServerType(t, srvType) }
	returnsServer := func(sig *types.Signature) bool {
		for i := range sig.Results().Len() {
			if isServer(sig.Results().At(i).Type()) {
				return true
			}
		}
		return false
	}
	for _, name := range scope.Names() {
		switch obj := scope.Lookup(name).(type) {
		case *types.Var:
			if obj.Exported() && isServer(obj.Type()) {
				return true
			}
		case *types.Func:
			if obj.Exported() && returnsServer(obj.Signature()) {
				return true
			}
		case *types.TypeName:
			named, ok := types.Unalias(obj.Type()).(*types.Named)
			if !ok {
				continue
			}
			for m := range named.Methods() {
				if m.Exported() && returnsServer(m.Signature()) {
					return true
				}
			}
			if st, ok := named.Underlying().(*types.Struct); ok {
				for f := range st.Fields() {
					if f.Exported() && isServer(f.Type()) {
						return true
					}
				}
			}
		}
	}
	return false
}

// isLocalListener reports whether e is a listener only processes of the
// same host can connect to: opened on a constant loopback address
// (net.Listen, tls.Listen, net.ListenConfig.Listen with a loopbackAddress)
// or on a unix domain socket (unixSocketListen), perhaps wrapped by
// tls.NewListener or netutil.LimitListener, or a local variable every
// value given to which is one (ln, err := net.Listen("tcp", "127.0.0.1:"+port)).
func isLocalListener(p *rule.Pass, e ast.Expr, depth int) bool {
	info := p.TypesInfo
	if depth > 3 {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if unixSocketListen(info, e) {
			return true
		}
		switch addr, inner := listenerSource(info, e); {
		case addr != nil:
			return loopbackAddress(p, addr, 0)
		case inner != nil:
			return isLocalListener(p, inner, depth+1)
		}
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok || v.IsField() || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
			return false
		}
		assigns := p.Index.Assignments(v)
		for _, a := range assigns {
			if a.Value == nil || a.Result != 0 || !isLocalListener(p, a.Value, depth+1) {
				return false
			}
		}
		return len(assigns) > 0
	}
	return false
}
