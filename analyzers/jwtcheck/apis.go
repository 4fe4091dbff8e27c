package jwtcheck

import (
	"go/ast"
	"go/types"

	"github.com/prodlint/prodlint/analyzers/internal/apis"
	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// isJWTPackage reports whether pkg is one of the JWT libraries of the API
// tables (golang-jwt v5, v4 and v3, dgrijalva/jwt-go).
func isJWTPackage(pkg *types.Package) bool { return apis.IsJWTPackage(pkg) }

// isJWTFunc reports whether obj is one of the named package-level functions
// of a JWT library.
func isJWTFunc(obj types.Object, names ...string) bool {
	return obj != nil && isJWTPackage(obj.Pkg()) && match.IsFunc(obj, obj.Pkg().Path(), names...)
}

// isJWTMethod reports whether obj is one of the named methods of the JWT
// library type typeName.
func isJWTMethod(obj types.Object, typeName string, names ...string) bool {
	return obj != nil && isJWTPackage(obj.Pkg()) && match.IsMethod(obj, obj.Pkg().Path(), typeName, names...)
}

// isJWTNamed reports whether t is one of the named types of a JWT library.
func isJWTNamed(t types.Type, names ...string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && isJWTPackage(n.Obj().Pkg()) && match.IsNamed(t, n.Obj().Pkg().Path(), names...)
}

// isJWTObject reports whether obj is the package-level variable or
// constant name of a JWT library.
func isJWTObject(obj types.Object, name string) bool {
	if obj == nil || !isJWTPackage(obj.Pkg()) || obj.Name() != name {
		return false
	}
	return obj.Parent() == obj.Pkg().Scope()
}

// jwtField returns the JWT library's struct field that the selector e
// denotes, or nil when e is not such a field selection.
func jwtField(info *types.Info, e ast.Expr, typeName string, names ...string) *types.Var {
	field := match.FieldSelection(info, e)
	if field == nil || !isJWTPackage(field.Pkg()) || !match.IsFieldOf(field, field.Pkg().Path(), typeName) {
		return nil
	}
	for _, n := range names {
		if field.Name() == n {
			return field
		}
	}
	return nil
}

// calleeOf returns the function or method call calls, or an untyped nil
// (so that the match helpers can take it as a types.Object).
func calleeOf(info *types.Info, call *ast.CallExpr) types.Object {
	if fn := match.Callee(info, call); fn != nil {
		return fn
	}
	return nil
}
