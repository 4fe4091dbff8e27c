package jwtcheck

import (
	"go/types"
	"reflect"
	"strings"
)

// claimsKind is the claims form that carries a token's expiry.
type claimsKind int

const (
	kindMap        claimsKind = iota + 1 // jwt.MapClaims: the "exp" key
	kindRegistered                       // jwt.RegisteredClaims: ExpiresAt *NumericDate
	kindStandard                         // jwt.StandardClaims: ExpiresAt int64
)

// claimsShape says where a claims type keeps its expiry: in itself (a
// MapClaims, RegisteredClaims or StandardClaims) or in a RegisteredClaims
// or StandardClaims reached through the embedded fields path of a custom
// claims struct.
type claimsShape struct {
	kind   claimsKind
	claims *types.TypeName // the JWT library type that holds exp
	path   []*types.Var    // embedded fields from the custom struct down to claims
}

// maxEmbedDepth bounds the search through embedded structs.
const maxEmbedDepth = 3

// shapeOf returns where claims of type t (or *t) keep their expiry. ok is
// false for claims whose expiry the analysis cannot see: a custom struct
// that implements its own JSON encoding, declares its own "exp" field or
// embeds no RegisteredClaims or StandardClaims.
func shapeOf(t types.Type) (claimsShape, bool) {
	if ptr, isPtr := types.Unalias(t).(*types.Pointer); isPtr {
		t = ptr.Elem()
	}
	if s, ok := libraryShape(t); ok {
		return s, true
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || hasMarshalJSON(named) {
		return claimsShape{}, false
	}
	return embeddedShape(named, 0)
}

// libraryShape recognises the JWT library's own claims types.
func libraryShape(t types.Type) (claimsShape, bool) {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || !isJWTPackage(named.Obj().Pkg()) {
		return claimsShape{}, false
	}
	switch named.Obj().Name() {
	case "MapClaims":
		return claimsShape{kind: kindMap, claims: named.Obj()}, true
	case "RegisteredClaims":
		return claimsShape{kind: kindRegistered, claims: named.Obj()}, true
	case "StandardClaims":
		return claimsShape{kind: kindStandard, claims: named.Obj()}, true
	}
	return claimsShape{}, false
}

// embeddedShape finds the RegisteredClaims or StandardClaims that a custom
// claims struct embeds, directly or through embedded structs of its own.
func embeddedShape(named *types.Named, depth int) (claimsShape, bool) {
	st, ok := named.Underlying().(*types.Struct)
	if !ok || depth > maxEmbedDepth {
		return claimsShape{}, false
	}
	for i := range st.NumFields() {
		if jsonName(st.Tag(i)) == "exp" {
			return claimsShape{}, false // the struct carries exp itself, in a form we do not model
		}
	}
	for i := range st.NumFields() {
		f := st.Field(i)
		if !f.Embedded() || jsonName(st.Tag(i)) != "" {
			continue // a named JSON field nests its claims instead of promoting them
		}
		ft := f.Type()
		if ptr, isPtr := types.Unalias(ft).(*types.Pointer); isPtr {
			ft = ptr.Elem()
		}
		if s, ok := libraryShape(ft); ok && s.kind != kindMap {
			s.path = []*types.Var{f}
			return s, true
		}
		if inner, isNamed := types.Unalias(ft).(*types.Named); isNamed && !isJWTPackage(inner.Obj().Pkg()) && !hasMarshalJSON(inner) {
			if s, ok := embeddedShape(inner, depth+1); ok {
				s.path = append([]*types.Var{f}, s.path...)
				return s, true
			}
		}
	}
	return claimsShape{}, false
}

// hasMarshalJSON reports whether the type or its pointer has a MarshalJSON
// method: its encoding, and so its exp, is the author's.
func hasMarshalJSON(named *types.Named) bool {
	ms := types.NewMethodSet(types.NewPointer(named))
	for i := range ms.Len() {
		if ms.At(i).Obj().Name() == "MarshalJSON" {
			return true
		}
	}
	return false
}

// jsonName returns the name a struct tag gives a field in JSON, or "".
func jsonName(tag string) string {
	name, _, _ := strings.Cut(reflect.StructTag(tag).Get("json"), ",")
	return name
}

// describe names the claims for messages: "jwt.MapClaims" or
// "jwt.RegisteredClaims".
func (s claimsShape) describe() string {
	return s.claims.Pkg().Name() + "." + s.claims.Name()
}

// ownsExpiry reports whether claims of type t (or *t) are a custom struct
// that decides its exp itself: it has its own MarshalJSON, or a field
// encoded as "exp" (own-exp-claims).
func ownsExpiry(t types.Type) bool {
	if t == nil {
		return false
	}
	if ptr, isPtr := types.Unalias(t).(*types.Pointer); isPtr {
		t = ptr.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || isJWTPackage(named.Obj().Pkg()) {
		return false
	}
	st, ok := named.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	if hasMarshalJSON(named) {
		return true
	}
	for i := range st.NumFields() {
		if jsonName(st.Tag(i)) == "exp" {
			return true
		}
	}
	return false
}

// isClaimsType reports whether a parameter of type t takes JWT claims: a
// type of a JWT library (jwt.Claims, jwt.MapClaims...) or one whose exp
// the rule can locate.
func isClaimsType(t types.Type) bool {
	if ptr, isPtr := types.Unalias(t).(*types.Pointer); isPtr {
		t = ptr.Elem()
	}
	if named, ok := types.Unalias(t).(*types.Named); ok && isJWTPackage(named.Obj().Pkg()) {
		return true
	}
	_, ok := shapeOf(t)
	return ok
}
