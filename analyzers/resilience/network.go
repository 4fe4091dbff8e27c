package resilience

import (
	"go/ast"
	"go/types"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// networkMethods are the methods that reach over the network, by the
// type that declares them.
var networkMethods = []struct {
	pkg, typ string
	names    []string
}{
	{"net/http", "Client", []string{"Do", "Get", "Head", "Post", "PostForm"}},
	{"net/http", "Transport", []string{"RoundTrip"}},
	{"net/http", "RoundTripper", []string{"RoundTrip"}},
	{"database/sql", "DB", sqlCalls},
	{"database/sql", "Tx", sqlCalls},
	{"database/sql", "Conn", sqlCalls},
	{"database/sql", "Stmt", sqlCalls},
	{"net", "Conn", []string{"Read", "Write"}},
	{"net", "Dialer", []string{"Dial", "DialContext"}},
}

var sqlCalls = []string{
	"Query", "QueryContext", "QueryRow", "QueryRowContext", "Exec", "ExecContext",
	"Prepare", "PrepareContext", "Ping", "PingContext", "Begin", "BeginTx", "Conn",
}

// networkFuncs are the package-level functions that reach over the network.
var networkFuncs = []struct {
	pkg   string
	names []string
}{
	{"net/http", []string{"Get", "Head", "Post", "PostForm"}},
	{"net", []string{"Dial", "DialTimeout"}},
}

// isNetworkFunc reports whether fn sends a request over the network by
// itself: an HTTP client call, a database/sql call, a net.Conn read or
// write, a dial, or a gRPC client call.
func isNetworkFunc(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	for _, m := range networkMethods {
		if match.IsMethod(fn, m.pkg, m.typ, m.names...) {
			return true
		}
	}
	for _, f := range networkFuncs {
		if match.IsFunc(fn, f.pkg, f.names...) {
			return true
		}
	}
	return isGRPCCall(fn)
}

// isGRPCCall reports whether fn is a gRPC client call: a method whose last
// parameter is ...grpc.CallOption, the shape protoc-gen-go-grpc generates
// for every client method (and ClientConn.Invoke/NewStream share).
func isGRPCCall(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || !sig.Variadic() {
		return false
	}
	last := sig.Params().At(sig.Params().Len() - 1).Type()
	slice, ok := last.(*types.Slice)
	return ok && match.IsNamed(slice.Elem(), "google.golang.org/grpc", "CallOption")
}

// calleeName returns the name a call invokes by, for the calls of function
// values that have no static callee (a Backoff field, a sleep parameter).
func calleeName(call *ast.CallExpr) string {
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		return f.Sel.Name
	}
	return ""
}

// callee returns the function or method call statically calls, as an
// object that is nil (not a typed nil) when there is none, ready for
// match.IsFunc and match.IsMethod.
func callee(info *types.Info, call *ast.CallExpr) types.Object {
	if fn := match.Callee(info, call); fn != nil {
		return fn
	}
	return nil
}
