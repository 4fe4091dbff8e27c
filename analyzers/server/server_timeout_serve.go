package server

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"net"
	"strings"

	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// listenerOrigin is one value stored in a listener variable or field: the
// expression, and which result of it when it is a call with several
// (ln, err := net.Listen(...)).
type listenerOrigin struct {
	expr  ast.Expr
	index int
}

// recordListenerAssign remembers the values assigned to listener variables
// and fields (ln, err := net.Listen(...); s.ln = tls.NewListener(ln, cfg)),
// so that http.Serve(ln, h) can be traced to where ln was opened.
func (facts *timeoutFacts) recordListenerAssign(info *types.Info, lhs []ast.Expr, rhs []ast.Expr) {
	for i, l := range lhs {
		key := valueKey(info, l)
		if key == nil || !isListenerType(key.Type()) {
			continue
		}
		switch {
		case len(lhs) == len(rhs):
			facts.listeners[key] = append(facts.listeners[key], listenerOrigin{rhs[i], 0})
		case len(rhs) == 1:
			facts.listeners[key] = append(facts.listeners[key], listenerOrigin{rhs[0], i})
		default:
			facts.listeners[key] = append(facts.listeners[key], listenerOrigin{})
		}
	}
}

// recordListenerFields remembers listener fields set in a struct literal
// (&server{ln: ln}).
func (facts *timeoutFacts) recordListenerFields(info *types.Info, lit *ast.CompositeLit) {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		key, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		if f, ok := info.Uses[key].(*types.Var); ok && f.IsField() && isListenerType(f.Type()) {
			facts.listeners[f] = append(facts.listeners[f], listenerOrigin{kv.Value, 0})
		}
	}
}

// isListenerType reports whether t has the Accept method of a
// net.Listener (the interface itself, *net.TCPListener, a wrapper).
func isListenerType(t types.Type) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "Accept")
	fn, ok := obj.(*types.Func)
	return ok && fn.Signature().Params().Len() == 0 && fn.Signature().Results().Len() == 2
}

// reportServeListener reports http.Serve(l, h) and http.ServeTLS(l, h, cert, key)
// when every value the package stores in l is a TCP listener on an address
// that is not a constant loopback one. A listener whose origin the package
// does not show (a parameter, a helper's result, a socket handed over by
// systemd) or that may be a unix socket stays quiet: the rule cannot tell
// whether remote clients reach it.
func reportServeListener(p *rule.Pass, facts *timeoutFacts, call *ast.CallExpr) {
	if len(call.Args) < 2 {
		return
	}
	var why listenerMiss
	if tcp, _ := facts.tcpListener(p.TypesInfo, listenerOrigin{call.Args[0], 0}, map[types.Object]bool{}, &why); !tcp {
		switch why {
		case missAnyPort:
			rule.Decided(p, call, "port-zero-listener")
		case missNotTCP:
			rule.Decided(p, call, "non-tcp-listener")
		}
		return
	}
	name := match.Callee(p.TypesInfo, call).Name()
	ln := types.ExprString(call.Args[0])
	p.Reportf(call, "http.%s serves the TCP listener %s with an http.Server that has no timeouts: a client that sends "+
		"its headers slowly or not at all holds a connection and a goroutine forever, and enough of them starve the "+
		"server; serve %s through an http.Server with ReadHeaderTimeout set (srv.%s(%s…))", name, ln, ln, name, ln)
}

// tcpListener reports whether the listener o evaluates to is known to be a
// TCP listener reachable from outside the host: opened by net.Listen,
// tls.Listen, net.ListenTCP or net.ListenConfig.Listen with a constant
// "tcp" network and an address that is not a constant loopback one, perhaps
// wrapped by tls.NewListener or netutil.LimitListener, or a variable or
// field every assignment of which is such a listener. cyclic is true when o
// only refers back to a variable being traced (ln = tls.NewListener(ln, c)).
// When the answer is no because of the address, why says so.
func (facts *timeoutFacts) tcpListener(info *types.Info, o listenerOrigin, seen map[types.Object]bool, why *listenerMiss) (tcp, cyclic bool) {
	switch e := ast.Unparen(o.expr).(type) {
	case *ast.CallExpr:
		if o.index != 0 {
			return false, false
		}
		fn := match.Callee(info, e)
		switch {
		case match.IsFunc(fn, "net", "Listen", "ListenTCP") || match.IsFunc(fn, "crypto/tls", "Listen"):
			return facts.tcpAddr(info, e.Args, 0, why), false
		case match.IsMethod(fn, "net", "ListenConfig", "Listen"):
			return facts.tcpAddr(info, e.Args, 1, why), false
		case match.IsFunc(fn, "crypto/tls", "NewListener") || match.IsFunc(fn, "golang.org/x/net/netutil", "LimitListener"):
			if len(e.Args) > 0 {
				return facts.tcpListener(info, listenerOrigin{e.Args[0], 0}, seen, why)
			}
		}
		return false, false
	case *ast.Ident, *ast.SelectorExpr, *ast.StarExpr:
		if match.IsNil(info, e) {
			return false, true // a field left nil in a literal until the listener is opened: no origin of its own
		}
		key := valueKey(info, e)
		if key == nil {
			return false, false
		}
		if seen[key] {
			return false, true
		}
		origins := facts.listeners[key]
		if len(origins) == 0 {
			return false, false // a parameter, or set where the package does not show
		}
		seen[key] = true
		defer delete(seen, key)
		sawTCP := false
		for _, o := range origins {
			if o.expr == nil {
				return false, false
			}
			tcp, cyclic := facts.tcpListener(info, o, seen, why)
			if !tcp && !cyclic {
				return false, false
			}
			sawTCP = sawTCP || tcp
		}
		return sawTCP, !sawTCP
	}
	return false, false
}

// tcpAddr reports whether args[i] is a constant TCP network and args[i+1]
// (when present) is not a constant loopback address, nor port 0 (":0"), nor
// a variable the package falls back to port 0 in (if addr == "" { addr =
// "localhost:0" }): a server on a port picked at run time, which only the
// process learns, as a fake server a test starts or a debug listener whose
// port is logged.
// When it is not because of the address, why says which.
func (facts *timeoutFacts) tcpAddr(info *types.Info, args []ast.Expr, i int, why *listenerMiss) bool {
	if len(args) <= i {
		return false
	}
	network, ok := match.ConstString(info, args[i])
	if !ok || (network != "tcp" && network != "tcp4" && network != "tcp6") {
		return false
	}
	if len(args) <= i+1 {
		return true
	}
	addr := args[i+1]
	if isLoopbackAddr(info, addr) || isLoopbackFormat(info, addr) {
		*why = missLoopback
		return false
	}
	if v, ok := match.ConstString(info, addr); ok && isAnyPort(v) {
		*why = missAnyPort
		return false
	}
	if key := valueKey(info, addr); key != nil {
		for _, v := range facts.addrConsts[key] {
			if isAnyPort(v) {
				*why = missAnyPort
				return false
			}
		}
	}
	return true
}

// listenerMiss says why a served listener is not known to be a TCP
// listener reachable from outside the host, for prodlint -explain.
type listenerMiss int

const (
	missNotTCP   listenerMiss = iota // not known to be TCP (non-tcp-listener)
	missLoopback                     // a constant loopback address (not a collected form)
	missAnyPort                      // port 0 (port-zero-listener)
)

// isAnyPort reports whether addr asks for port 0: the kernel picks a free
// port at run time, which only the process learns (and logs or hands to
// its caller), so no client is configured to reach it.
func isAnyPort(addr string) bool {
	_, port, err := net.SplitHostPort(addr)
	return err == nil && port == "0"
}

// recordAddrConsts remembers the constant strings assigned to string
// variables and fields (addr = "localhost:0").
func (facts *timeoutFacts) recordAddrConsts(info *types.Info, lhs []ast.Expr, rhs []ast.Expr) {
	if len(lhs) != len(rhs) {
		return
	}
	for i, l := range lhs {
		key := valueKey(info, l)
		if key == nil {
			continue
		}
		if v, ok := match.ConstString(info, rhs[i]); ok {
			facts.addrConsts[key] = append(facts.addrConsts[key], v)
		}
	}
}

// recordServed remembers a serving method call of an http.Server by the
// variable or field it is called on (srv.Serve(ln), s.srv.ListenAndServe()).
func (facts *timeoutFacts) recordServed(info *types.Info, call *ast.CallExpr) {
	fn := match.Callee(info, call)
	if !match.IsMethod(fn, "net/http", "Server", "Serve", "ServeTLS", "ListenAndServe", "ListenAndServeTLS") {
		return
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	if key := valueKey(info, sel.X); key != nil {
		facts.served[key] = append(facts.served[key], call)
	}
}

// servedOnLoopbackOnly reports whether the server literal sets no Addr and
// the variable or field it is stored in is served, and only, by Serve or
// ServeTLS of listeners on a constant loopback address.
func (facts *timeoutFacts) servedOnLoopbackOnly(p *rule.Pass, sl serverLiteral) bool {
	return facts.servedOnlyOn(p, sl, func(call *ast.CallExpr) bool { return loopbackListen(p, call) })
}

// servedOnUnixSocketOnly reports whether the server literal sets no Addr
// and the variable or field it is stored in is served, and only, by Serve
// or ServeTLS of listeners on a unix domain socket (unixSocketListen).
func (facts *timeoutFacts) servedOnUnixSocketOnly(p *rule.Pass, sl serverLiteral) bool {
	return facts.servedOnlyOn(p, sl, func(call *ast.CallExpr) bool { return unixSocketListen(p.TypesInfo, call) })
}

// servedOnlyOn reports whether the server literal sets no Addr and the
// variable or field it is stored in is served, and only, by Serve or
// ServeTLS of listeners opened by calls for which opens holds.
func (facts *timeoutFacts) servedOnlyOn(p *rule.Pass, sl serverLiteral, opens func(*ast.CallExpr) bool) bool {
	if sl.key == nil || literalField(sl.lit, "Addr") != nil || facts.set[sl.key]["Addr"] {
		return false
	}
	calls := facts.served[sl.key]
	if len(calls) == 0 {
		return false
	}
	for _, call := range calls {
		name := match.Callee(p.TypesInfo, call).Name()
		if name != "Serve" && name != "ServeTLS" || len(call.Args) == 0 {
			return false
		}
		if ok, _ := facts.listenerOpenedBy(p, listenerOrigin{call.Args[0], 0}, map[types.Object]bool{}, opens); !ok {
			return false
		}
	}
	return true
}

// loopbackListen reports whether call opens a listener on a constant
// loopback address (net.Listen, tls.Listen, net.ListenConfig.Listen).
func loopbackListen(p *rule.Pass, call *ast.CallExpr) bool {
	addr, _ := listenerSource(p.TypesInfo, call)
	return addr != nil && loopbackAddress(p, addr, 0)
}

// unixSocketListen reports whether call opens a listener on a unix domain
// socket, which only processes of the same host can connect to:
// net.Listen, tls.Listen or net.ListenConfig.Listen with the constant
// network "unix" or "unixpacket", or net.ListenUnix.
func unixSocketListen(info *types.Info, call *ast.CallExpr) bool {
	fn := match.Callee(info, call)
	network := -1
	switch {
	case match.IsFunc(fn, "net", "ListenUnix"):
		return true
	case match.IsFunc(fn, "net", "Listen") || match.IsFunc(fn, "crypto/tls", "Listen"):
		network = 0
	case match.IsMethod(fn, "net", "ListenConfig", "Listen"):
		network = 1
	}
	if network < 0 || len(call.Args) <= network {
		return false
	}
	s, ok := match.ConstString(info, call.Args[network])
	return ok && (s == "unix" || s == "unixpacket")
}

// listenerSource says where the listener a call returns comes from: the
// address argument of a call that listens (net.Listen, tls.Listen,
// ListenConfig.Listen), or the listener a wrapper takes (tls.NewListener,
// netutil.LimitListener); both nil for any other call.
func listenerSource(info *types.Info, call *ast.CallExpr) (addr, inner ast.Expr) {
	fn := match.Callee(info, call)
	switch {
	case match.IsFunc(fn, "net", "Listen") || match.IsFunc(fn, "crypto/tls", "Listen"):
		if len(call.Args) > 1 {
			return call.Args[1], nil
		}
	case match.IsMethod(fn, "net", "ListenConfig", "Listen"):
		if len(call.Args) > 2 {
			return call.Args[2], nil
		}
	case match.IsFunc(fn, "crypto/tls", "NewListener") || match.IsFunc(fn, "golang.org/x/net/netutil", "LimitListener"):
		if len(call.Args) > 0 {
			return nil, call.Args[0]
		}
	}
	return nil, nil
}

// listenerOpenedBy reports whether the listener o evaluates to is opened
// by a call for which opens holds, perhaps wrapped by tls.NewListener,
// netutil.LimitListener or a function of the package that takes a
// listener and returns one, or is a variable or field every assignment of
// which is such a listener. cyclic is true when o only refers back to a
// variable being traced (ln = wrap(ln)).
func (facts *timeoutFacts) listenerOpenedBy(p *rule.Pass, o listenerOrigin, seen map[types.Object]bool, opens func(*ast.CallExpr) bool) (ok, cyclic bool) {
	info := p.TypesInfo
	switch e := ast.Unparen(o.expr).(type) {
	case *ast.CallExpr:
		if o.index != 0 {
			return false, false
		}
		if opens(e) {
			return true, false
		}
		fn := match.Callee(info, e)
		addr, inner := listenerSource(info, e)
		switch {
		case addr != nil:
			return false, false
		case inner != nil:
			return facts.listenerOpenedBy(p, listenerOrigin{inner, 0}, seen, opens)
		case fn != nil && fn.Pkg() == p.Pkg && fn.Signature().Results().Len() > 0 && isListenerType(fn.Signature().Results().At(0).Type()):
			// A wrapper of the package: follow its one listener argument.
			var arg ast.Expr
			for _, a := range e.Args {
				if t := info.TypeOf(a); t != nil && isListenerType(t) {
					if arg != nil {
						return false, false
					}
					arg = a
				}
			}
			if arg != nil {
				return facts.listenerOpenedBy(p, listenerOrigin{arg, 0}, seen, opens)
			}
		}
		return false, false
	case *ast.Ident, *ast.SelectorExpr, *ast.StarExpr:
		key := valueKey(info, e)
		if key == nil {
			return false, false
		}
		if seen[key] {
			return false, true
		}
		origins := facts.listeners[key]
		if len(origins) == 0 {
			return false, false
		}
		seen[key] = true
		defer delete(seen, key)
		saw := false
		for _, o := range origins {
			if o.expr == nil {
				return false, false
			}
			ok, cyclic := facts.listenerOpenedBy(p, o, seen, opens)
			if !ok && !cyclic {
				return false, false
			}
			saw = saw || ok
		}
		return saw, !saw
	}
	return false, false
}

// loopbackAddress reports whether e is a listen address whose host is a
// constant loopback one (isLoopbackAddr, isLoopbackFormat), or a local
// variable given exactly one value, at its definition, that is such an
// address (addr := "127.0.0.1:" + port; net.Listen("tcp", addr)).
func loopbackAddress(p *rule.Pass, e ast.Expr, depth int) bool {
	info := p.TypesInfo
	if isLoopbackAddr(info, e) || isLoopbackFormat(info, e) {
		return true
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || depth > 2 {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.IsField() || v.Parent() == nil || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return false
	}
	assigns := p.Index.Assignments(v)
	if len(assigns) != 1 || assigns[0].Multi || assigns[0].Value == nil ||
		(assigns[0].Tok != token.DEFINE && assigns[0].Tok != token.VAR) {
		return false
	}
	return loopbackAddress(p, assigns[0].Value, depth+1)
}

// isLoopbackFormat reports whether e builds a host:port address whose host
// is a constant loopback one: net.JoinHostPort("localhost", port), or
// fmt.Sprintf with a constant format that starts with a loopback host and a
// colon ("127.0.0.1:%d", "[::1]:%d"), or starts with "%s:" or "%v:" and has a constant
// loopback host as its first argument, or a concatenation whose constant
// leading operand is a loopback host and a colon ("127.0.0.1:" + port).
func isLoopbackFormat(info *types.Info, e ast.Expr) bool {
	if bin, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && bin.Op == token.ADD {
		return isLoopbackPrefix(info, bin)
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return false
	}
	fn := match.Callee(info, call)
	switch {
	case match.IsFunc(fn, "net", "JoinHostPort"):
		host, ok := match.ConstString(info, call.Args[0])
		return ok && isLoopbackHost(host)
	case match.IsFunc(fn, "fmt", "Sprintf"):
		format, ok := match.ConstString(info, call.Args[0])
		if !ok {
			return false
		}
		if host, ok := formatHost(format); ok {
			return isLoopbackHost(host)
		}
		if (strings.HasPrefix(format, "%s:") || strings.HasPrefix(format, "%v:")) && len(call.Args) > 1 {
			host, ok := match.ConstString(info, call.Args[1])
			return ok && isLoopbackHost(host)
		}
	}
	return false
}

// formatHost returns the host part of a Sprintf format that starts with a
// constant host and a colon: "localhost:%d", "127.0.0.1:%s", "[::1]:%d"
// (the brackets kept, as isLoopbackHost takes them). ok is false when the
// host holds a verb ("%s:%d") and so may be anything.
func formatHost(format string) (host string, ok bool) {
	if strings.HasPrefix(format, "[") {
		end := strings.Index(format, "]:")
		if end < 0 {
			return "", false
		}
		host = format[:end+1]
	} else {
		h, _, found := strings.Cut(format, ":")
		if !found {
			return "", false
		}
		host = h
	}
	return host, !strings.Contains(host, "%")
}

// isLoopbackPrefix reports whether the string concatenation bin starts with
// a constant operand made of a loopback host, a colon and perhaps the
// leading digits of the port ("127.0.0.1:", "[::1]:", "localhost:"): the
// host is fixed whatever the rest of the address is.
func isLoopbackPrefix(info *types.Info, bin *ast.BinaryExpr) bool {
	var left ast.Expr = bin
	for {
		v := match.ConstValue(info, left)
		if v != nil {
			if v.Kind() != constant.String {
				return false
			}
			s := constant.StringVal(v)
			i := strings.LastIndex(s, ":")
			if i < 0 || strings.Trim(s[i+1:], "0123456789") != "" {
				return false
			}
			return isLoopbackHost(s[:i])
		}
		b, ok := ast.Unparen(left).(*ast.BinaryExpr)
		if !ok || b.Op != token.ADD {
			return false
		}
		left = b.X
	}
}
