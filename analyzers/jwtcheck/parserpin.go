package jwtcheck

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"

	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// optionsPin reads the ParserOptions of NewParser, Parse or
// ParseWithClaims. known is false when an option is not a direct call of
// a JWT library option (a spread slice, a variable, a helper), since it
// may pin the algorithms out of sight.
func (a *unverifiedPass) optionsPin(opts []ast.Expr, spread bool) (known, pinned bool) {
	if spread {
		return false, false
	}
	for _, opt := range opts {
		call, ok := ast.Unparen(opt).(*ast.CallExpr)
		if !ok {
			return false, false
		}
		fn := calleeOf(a.TypesInfo, call)
		switch {
		case isJWTFunc(fn, "WithValidMethods"):
			pinned = true
		case fn == nil || !isJWTPackage(fn.Pkg()):
			return false, false
		}
	}
	return true, pinned
}

// parserPins reads how the receiver of a Parser method was built:
// NewParser(options...), a jwt.Parser literal or new(jwt.Parser), directly
// or through a variable of this package never reassigned. A variable
// whose ValidMethods field is assigned counts as pinned.
func (a *unverifiedPass) parserPins(recv ast.Expr) (known, pinned bool) {
	e := unparenAddr(recv)
	if star, ok := e.(*ast.StarExpr); ok {
		e = ast.Unparen(star.X)
	}
	if id, ok := e.(*ast.Ident); ok {
		v, ok := a.TypesInfo.Uses[id].(*types.Var)
		if !ok {
			return false, false
		}
		init, scope, ok := varDecl(a.Pass, v)
		if !ok || isReassigned(a.Pass, scope, v) {
			return false, false
		}
		for _, use := range a.Pass.Index.UsesIn(scope, v) {
			if use.ParentEdgeKind() == edge.SelectorExpr_X &&
				jwtField(a.TypesInfo, use.Parent().Node().(*ast.SelectorExpr), "Parser", "ValidMethods") != nil &&
				use.Parent().ParentEdgeKind() == edge.AssignStmt_Lhs {
				return true, true
			}
		}
		if init == nil {
			return true, false // var p jwt.Parser
		}
		e = unparenAddr(init)
	}
	switch e := e.(type) {
	case *ast.CallExpr:
		fn := calleeOf(a.TypesInfo, e)
		if isJWTFunc(fn, "NewParser") {
			return a.optionsPin(e.Args, e.Ellipsis.IsValid())
		}
		if fn, ok := fn.(*types.Func); ok {
			if f := a.sum.Func(fn); f != nil && f.Parser { // a constructor, of this package or another
				return true, f.Pinned
			}
		}
		if match.IsBuiltin(a.TypesInfo, e.Fun, "new") &&
			len(e.Args) == 1 && isJWTNamed(a.TypesInfo.TypeOf(e.Args[0]), "Parser") {
			return true, false
		}
	case *ast.SelectorExpr:
		if f := a.sum.Field(match.FieldSelection(a.TypesInfo, e)); f != nil { // a field every constructor sets
			return true, f.Pinned
		}
	case *ast.CompositeLit:
		if !isJWTNamed(a.TypesInfo.TypeOf(e), "Parser") {
			return false, false
		}
		for _, elt := range e.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				return false, false
			}
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "ValidMethods" && !match.IsNil(a.TypesInfo, kv.Value) {
				return true, true
			}
		}
		return true, false
	}
	return false, false
}

// calledIdent returns the identifier a call calls directly, or nil.
func calledIdent(call *ast.CallExpr) *ast.Ident {
	id, _ := ast.Unparen(call.Fun).(*ast.Ident)
	return id
}
