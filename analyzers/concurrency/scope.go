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
	sqlPath       = "database/sql"
	httpPath      = "net/http"
	errgroupPath  = "golang.org/x/sync/errgroup"
	semaphorePath = "golang.org/x/sync/semaphore"
	ratePath      = "golang.org/x/time/rate"
	grpcPath      = "google.golang.org/grpc"
)

// enclosingLoops returns the for and range statements whose body holds c,
// innermost first, up to the innermost enclosing function: a function
// literal starts afresh, since its body runs when it is called.
func enclosingLoops(c inspector.Cursor) []inspector.Cursor {
	var loops []inspector.Cursor
	pos := c.Node().Pos()
	for p := c.Parent(); p.Node() != nil; p = p.Parent() {
		switch n := p.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return loops
		case *ast.ForStmt:
			if pos >= n.Body.Pos() {
				loops = append(loops, p)
			}
		case *ast.RangeStmt:
			if pos >= n.Body.Pos() {
				loops = append(loops, p)
			}
		}
	}
	return loops
}

// loopBody returns the body of a for or range statement.
func loopBody(loop ast.Node) *ast.BlockStmt {
	switch n := loop.(type) {
	case *ast.ForStmt:
		return n.Body
	case *ast.RangeStmt:
		return n.Body
	}
	return nil
}

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

// outermostFuncDecl returns the package-level function or method declaration
// around c, or a zero cursor (c is in a package-level initializer).
func outermostFuncDecl(c inspector.Cursor) inspector.Cursor {
	for fc := range c.Enclosing((*ast.FuncDecl)(nil)) {
		return fc
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

// isPointerToDB reports whether t is *sql.DB.
func isPointerToDB(t types.Type) bool {
	return t != nil && match.IsPointerTo(t, sqlPath, "DB")
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
