package concurrency

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/apis"
	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// Import paths of the APIs the family recognises.
const (
	httpPath      = "net/http"
	errgroupPath  = "golang.org/x/sync/errgroup"
	semaphorePath = "golang.org/x/sync/semaphore"
	ratePath      = "golang.org/x/time/rate"
	grpcPath      = "google.golang.org/grpc"
)

// enclosingHandler returns the innermost function around c that has the
// signature of an http handler (a HandlerFunc or a ServeHTTP method), or a
// zero cursor. Function literals inside a handler run per request too.
func enclosingHandler(info *types.Info, c inspector.Cursor) inspector.Cursor {
	for fc := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if apis.IsHTTPHandler(match.Signature(info, fc.Node())) {
			return fc
		}
	}
	return inspector.Cursor{}
}

// isRecvChan reports whether t is a channel a value can be received from.
func isRecvChan(t types.Type) bool {
	if t == nil {
		return false
	}
	ch, ok := t.Underlying().(*types.Chan)
	return ok && ch.Dir() != types.SendOnly
}

// calleeIs reports whether call statically calls the package-level function
// pkgPath.name for one of names. (match.IsCallTo is not used: a nil
// *types.Func wrapped in types.Object reaches its type switch as non-nil.)
func calleeIs(info *types.Info, call *ast.CallExpr, pkgPath string, names ...string) bool {
	fn := match.Callee(info, call)
	return fn != nil && match.IsFunc(fn, pkgPath, names...)
}

// methodIs reports whether fn is one of the named methods of
// pkgPath.typeName; fn may be nil.
func methodIs(fn *types.Func, pkgPath, typeName string, names ...string) bool {
	return fn != nil && match.IsMethod(fn, pkgPath, typeName, names...)
}

// callsMethod reports whether call calls one of the named methods of
// pkgPath.typeName.
func callsMethod(info *types.Info, call *ast.CallExpr, pkgPath, typeName string, names ...string) bool {
	return methodIs(match.Callee(info, call), pkgPath, typeName, names...)
}
