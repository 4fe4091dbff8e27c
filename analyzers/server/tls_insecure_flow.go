package server

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// tlsFlow follows tls.Config values through the package to the places
// that use them, to tell a configuration that only ever reaches a TLS
// server (where InsecureSkipVerify does nothing: it governs a client's
// check of the server's chain) from one that reaches a client.
type tlsFlow struct {
	p     *rule.Pass
	uses  map[types.Object][]inspector.Cursor // every use of a *tls.Config or tls.Config variable
	calls []inspector.Cursor                  // every call of a function value (not a static callee)
}

func newTLSFlow(p *rule.Pass) *tlsFlow {
	fl := &tlsFlow{p: p, uses: map[types.Object][]inspector.Cursor{}}
	for c := range p.Cursors((*ast.Ident)(nil), (*ast.CallExpr)(nil)) {
		switch n := c.Node().(type) {
		case *ast.Ident:
			v, ok := p.TypesInfo.Uses[n].(*types.Var)
			if ok && !v.IsField() && match.IsNamedOrPointer(v.Type(), "crypto/tls", "Config") {
				fl.uses[v] = append(fl.uses[v], c)
			}
		case *ast.CallExpr:
			if _, static := typesCallee(p.TypesInfo, n); !static {
				fl.calls = append(fl.calls, c)
			}
		}
	}
	return fl
}

// typesCallee returns the static callee of a call, and whether there is one
// (a declared function or method, or a conversion or builtin).
func typesCallee(info *types.Info, call *ast.CallExpr) (*types.Func, bool) {
	if fn := match.Callee(info, call); fn != nil {
		return fn, true
	}
	if tv, ok := info.Types[call.Fun]; ok && (tv.IsType() || tv.IsBuiltin()) {
		return nil, true
	}
	return nil, false
}

// tlsUses counts the places a configuration reaches.
type tlsUses struct {
	server, client, unknown int
	seenVars                map[types.Object]bool
	seenFuncs               map[ast.Node]bool
}

// serverOnly reports whether the tls.Config value at c (a literal, or the
// variable key when c is invalid) reaches a TLS server and nothing else in
// the package: tls.Server, tls.NewListener, tls.Listen, http.Server's
// TLSConfig, through variables, Clone() and the results of the package's
// functions. Anything the flow cannot follow (handed to another function,
// stored in another struct, returned to callers outside the package) might
// be a client, so it counts against.
func (fl *tlsFlow) serverOnly(c inspector.Cursor, key types.Object) bool {
	u := &tlsUses{seenVars: map[types.Object]bool{}, seenFuncs: map[ast.Node]bool{}}
	if c.Valid() {
		fl.value(c, u)
	} else if v, ok := key.(*types.Var); ok && !v.IsField() {
		fl.variable(v, u)
	} else {
		return false
	}
	return u.server > 0 && u.client == 0 && u.unknown == 0
}

// variable follows every use of a variable holding the configuration.
func (fl *tlsFlow) variable(v types.Object, u *tlsUses) {
	if u.seenVars[v] {
		return
	}
	u.seenVars[v] = true
	if v.Pkg() != fl.p.Pkg || v.Exported() && v.Parent() == v.Pkg().Scope() {
		u.unknown++ // a package variable others may read
		return
	}
	for _, c := range fl.uses[v] {
		if kind, _ := c.ParentEdge(); kind == edge.AssignStmt_Lhs {
			continue // overwritten, not read
		}
		fl.value(c, u)
	}
}

// value classifies the place the configuration value at c is used.
func (fl *tlsFlow) value(c inspector.Cursor, u *tlsUses) {
	info := fl.p.TypesInfo
	e := c.Node()
	parent := c.Parent()
	switch n := parent.Node().(type) {
	case *ast.ParenExpr:
		fl.value(parent, u)
	case *ast.UnaryExpr:
		if n.Op == token.AND || n.Op == token.MUL {
			fl.value(parent, u)
			return
		}
		u.unknown++
	case *ast.StarExpr:
		fl.value(parent, u)
	case *ast.SelectorExpr:
		if n.X != e {
			u.unknown++
			return
		}
		sel, ok := info.Selections[n]
		if !ok {
			u.unknown++
			return
		}
		if sel.Kind() == types.FieldVal {
			return // reads or sets a field: neither hands the configuration on
		}
		if call, ok := parent.Parent().Node().(*ast.CallExpr); ok && call.Fun == n && sel.Obj().Name() == "Clone" {
			fl.value(parent.Parent(), u) // a copy, followed like the original
		}
		// another method of tls.Config (BuildNameToCertificate): reads it only
	case *ast.CallExpr:
		fl.argument(n, e, u)
	case *ast.KeyValueExpr:
		if n.Value != e {
			u.unknown++
			return
		}
		f := fieldOfKey(info, n)
		switch {
		case match.IsFieldOf(f, "net/http", "Server", "TLSConfig"):
			u.server++
		case f != nil:
			fl.fieldStore(f, u)
		default:
			u.unknown++
		}
	case *ast.AssignStmt:
		idx, ok := rhsIndex(n, e)
		if !ok {
			u.unknown++
			return
		}
		fl.store(n.Lhs[idx], u)
	case *ast.ValueSpec:
		for i, v := range n.Values {
			if v == e && i < len(n.Names) {
				if obj := info.Defs[n.Names[i]]; obj != nil {
					fl.variable(obj, u)
					return
				}
			}
		}
		u.unknown++
	case *ast.ReturnStmt:
		idx := -1
		for i, r := range n.Results {
			if r == e {
				idx = i
			}
		}
		fl.result(parent, idx, u)
	default:
		u.unknown++
	}
}

// fieldOfKey returns the struct field a composite literal's key names.
func fieldOfKey(info *types.Info, kv *ast.KeyValueExpr) *types.Var {
	if id, ok := kv.Key.(*ast.Ident); ok {
		if f, ok := info.Uses[id].(*types.Var); ok && f.IsField() {
			return f
		}
	}
	return nil
}

// rhsIndex returns the position of e among an assignment's right-hand sides.
func rhsIndex(as *ast.AssignStmt, e ast.Node) (int, bool) {
	if len(as.Lhs) != len(as.Rhs) {
		return 0, false
	}
	for i, r := range as.Rhs {
		if r == e {
			return i, true
		}
	}
	return 0, false
}

// store follows the configuration into the place an assignment puts it.
func (fl *tlsFlow) store(lhs ast.Expr, u *tlsUses) {
	info := fl.p.TypesInfo
	if f := match.FieldSelection(info, lhs); f != nil {
		if match.IsFieldOf(f, "net/http", "Server", "TLSConfig") {
			u.server++
			return
		}
		fl.fieldStore(f, u)
		return
	}
	if id, ok := ast.Unparen(lhs).(*ast.Ident); ok {
		if v, ok := info.ObjectOf(id).(*types.Var); ok && !v.IsField() {
			fl.variable(v, u)
			return
		}
	}
	u.unknown++
}

// fieldStore classifies a configuration stored in a struct field: a
// client's field is a client use; any other field may be read anywhere.
func (fl *tlsFlow) fieldStore(f *types.Var, u *tlsUses) {
	if match.IsFieldOf(f, "net/http", "Transport", "TLSClientConfig") || match.IsFieldOf(f, "crypto/tls", "Dialer", "Config") {
		u.client++
		return
	}
	u.unknown++
}

// argument classifies a configuration passed to a call.
func (fl *tlsFlow) argument(call *ast.CallExpr, arg ast.Node, u *tlsUses) {
	info := fl.p.TypesInfo
	pos := -1
	for i, a := range call.Args {
		if a == arg {
			pos = i
		}
	}
	fn := match.Callee(info, call)
	switch {
	case pos < 0:
		u.unknown++
	case match.IsFunc(fn, "crypto/tls", "Server", "NewListener") && pos == 1,
		match.IsFunc(fn, "crypto/tls", "Listen") && pos == 2:
		u.server++
	case match.IsFunc(fn, "crypto/tls", "Client", "Dial", "DialWithDialer"):
		u.client++
	default:
		u.unknown++
	}
}

// result follows a configuration returned by a function of the package to
// the callers of that function in the package: calls of a declared
// function, or calls through a function value of a literal's exact type.
// A function nobody in the package calls returns it to unknown callers.
func (fl *tlsFlow) result(ret inspector.Cursor, idx int, u *tlsUses) {
	info := fl.p.TypesInfo
	fc, _, sig := match.EnclosingFunc(info, ret)
	if sig == nil || idx < 0 {
		u.unknown++
		return
	}
	if u.seenFuncs[fc.Node()] {
		return
	}
	u.seenFuncs[fc.Node()] = true
	var callers []inspector.Cursor
	switch fn := fc.Node().(type) {
	case *ast.FuncDecl:
		obj, _ := info.Defs[fn.Name].(*types.Func)
		if obj == nil || obj.Exported() {
			u.unknown++ // callers in other packages
			return
		}
		// The package index's calls of obj, not a walk of the package per
		// candidate. Its lists also hold calls of obj's instances (a method
		// of a generic type); the flow follows only calls of obj itself.
		for _, c := range fl.p.Index.CallsOf(obj) {
			if match.Callee(info, c.Node().(*ast.CallExpr)) == obj {
				callers = append(callers, c)
			}
		}
	case *ast.FuncLit:
		for _, c := range fl.calls {
			call := c.Node().(*ast.CallExpr)
			if t := info.TypeOf(call.Fun); t != nil && types.Identical(t.Underlying(), sig) {
				callers = append(callers, c)
			}
		}
	}
	if len(callers) == 0 {
		u.unknown++
		return
	}
	for _, c := range callers {
		fl.callResult(c, idx, sig.Results().Len(), u)
	}
}

// callResult follows result idx of the call at c.
func (fl *tlsFlow) callResult(c inspector.Cursor, idx, results int, u *tlsUses) {
	if results == 1 {
		fl.value(c, u)
		return
	}
	as, ok := c.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || len(as.Lhs) != results {
		u.unknown++
		return
	}
	fl.store(as.Lhs[idx], u)
}

// checksPeerCertificates reports whether the function around c reads the
// peer's certificates from a tls.ConnectionState and inspects them (indexes
// or ranges over them, or hands them to a function other than len): code
// that verifies the peer itself after the handshake, as a protocol with
// self-signed certificates by design must.
func checksPeerCertificates(info *types.Info, c inspector.Cursor) bool {
	fc, body, _ := match.EnclosingFunc(info, c)
	if body == nil {
		return false
	}
	for sc := range fc.Preorder((*ast.SelectorExpr)(nil)) {
		if !match.IsFieldOf(match.FieldSelection(info, sc.Node().(*ast.SelectorExpr)), "crypto/tls", "ConnectionState", "PeerCertificates") {
			continue
		}
		if inspectsCerts(info, fc, sc) {
			return true
		}
	}
	return false
}

// inspectsCerts reports whether the certificate slice at c is indexed,
// ranged over or passed to a function other than len, directly or through
// the variable it is assigned to.
func inspectsCerts(info *types.Info, fc, c inspector.Cursor) bool {
	switch n := c.Parent().Node().(type) {
	case *ast.IndexExpr, *ast.SliceExpr:
		return true
	case *ast.RangeStmt:
		return n.X == c.Node()
	case *ast.CallExpr:
		if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && id.Name == "len" {
			if _, builtin := info.Uses[id].(*types.Builtin); builtin {
				return false
			}
		}
		return true
	case *ast.AssignStmt:
		idx, ok := rhsIndex(n, c.Node())
		if !ok {
			return false
		}
		v := match.Var(info, n.Lhs[idx])
		if v == nil {
			return false
		}
		for ic := range fc.Preorder((*ast.Ident)(nil)) {
			if info.Uses[ic.Node().(*ast.Ident)] == v && inspectsCerts(info, fc, ic) {
				return true
			}
		}
	}
	return false
}
