package jwtcheck

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// expiry is what the analysis learned about the exp of a claims value.
type expiry struct {
	// known is false when some code the analysis cannot follow may set
	// exp: claims from a parameter or a call, handed to a function, ...
	known bool
	// values are the expressions exp is set to; none means no exp.
	values []ast.Expr
	// fixLit is the composite literal a "add exp" fix extends, and
	// fixWrap the embedded field the fix must add around a new claims
	// literal (nil when exp goes into fixLit itself). fixLit is nil when
	// no mechanical fix exists.
	fixLit  *ast.CompositeLit
	fixWrap *types.Var
	// afterLiteral is set when the claims literal sets no exp and code
	// after it, before signing, does (exp-set-after-literal).
	afterLiteral bool
}

var unknownExpiry = expiry{}

// claimsExpiry finds the exp of the claims expression handed to
// NewWithClaims: a composite literal, or a local variable declared with
// one and then only read or given fields and keys the analysis can see.
func claimsExpiry(p *rule.Pass, arg ast.Expr, shape claimsShape) expiry {
	return exprExpiry(p, arg, shape, 0)
}

// exprExpiry reads exp from e, a value of the claims at depth along
// shape.path: a composite literal, or a local variable the function
// builds from one (a jwt.RegisteredClaims variable embedded into the
// custom claims by name).
func exprExpiry(p *rule.Pass, e ast.Expr, shape claimsShape, depth int) expiry {
	e = unparenAddr(e)
	if lit, ok := e.(*ast.CompositeLit); ok {
		return literalExpiry(p, lit, shape, depth)
	}
	if depth > 0 && match.IsNil(p.TypesInfo, e) {
		return expiry{known: true} // a nil embedded claims pointer: no exp
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return unknownExpiry
	}
	v, ok := p.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return unknownExpiry
	}
	return varExpiry(p, v, shape, depth)
}

// varExpiry reads exp from the local variable v, at depth along
// shape.path: its initial value, then every store into it in the function
// (on any path: an exp set in an if branch counts as set).
func varExpiry(p *rule.Pass, v *types.Var, shape claimsShape, depth int) expiry {
	init, scope, ok := varDecl(p, v)
	if !ok || !scope.Valid() {
		return unknownExpiry // parameters, package variables, multi-value calls
	}
	var exp expiry
	switch init := unparenAddr(init).(type) {
	case nil:
		if shape.kind == kindMap {
			return unknownExpiry // a nil map: cannot hold claims, not our concern
		}
		exp = expiry{known: true} // var c MyClaims: the zero value has no exp
	case *ast.CompositeLit:
		exp = literalExpiry(p, init, shape, depth)
	default:
		return unknownExpiry
	}
	if !exp.known {
		return exp
	}
	later, ok := expiryAssignments(p, scope, v, shape)
	if !ok {
		return unknownExpiry
	}
	if later.replaced {
		exp.fixLit = nil // an exp added to the literal would be overwritten
	}
	if len(later.values) > 0 {
		exp.afterLiteral = len(exp.values) == 0
		exp.values = append(exp.values, later.values...)
		exp.fixLit = nil
	}
	return exp
}

// literalExpiry reads exp from a claims literal. depth is how far along
// shape.path lit stands.
func literalExpiry(p *rule.Pass, lit *ast.CompositeLit, shape claimsShape, depth int) expiry {
	if depth < len(shape.path) {
		f := shape.path[depth]
		elt, ok := structElement(p.TypesInfo, lit, f)
		if !ok {
			return unknownExpiry
		}
		if elt == nil {
			exp := expiry{known: true}
			if depth == len(shape.path)-1 && isKeyedOrEmpty(lit) {
				exp.fixLit, exp.fixWrap = lit, f
			}
			return exp
		}
		if match.IsNil(p.TypesInfo, elt) {
			return expiry{known: true}
		}
		return exprExpiry(p, elt, shape, depth+1) // a literal or a local variable; from elsewhere: unknown
	}
	if shape.kind == kindMap {
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				return unknownExpiry
			}
			key, ok := match.ConstString(p.TypesInfo, kv.Key)
			if !ok {
				return unknownExpiry
			}
			if key == "exp" {
				return expiryValue(p, kv.Value)
			}
		}
		return expiry{known: true, fixLit: lit}
	}
	st, ok := p.TypesInfo.TypeOf(lit).Underlying().(*types.Struct)
	if !ok {
		return unknownExpiry
	}
	field := fieldByName(st, "ExpiresAt")
	if field == nil {
		return unknownExpiry
	}
	elt, ok := structElement(p.TypesInfo, lit, field)
	switch {
	case !ok:
		return unknownExpiry
	case elt == nil:
		exp := expiry{known: true}
		if isKeyedOrEmpty(lit) {
			exp.fixLit = lit
		}
		return exp
	}
	return expiryValue(p, elt)
}

// expiryValue is the exp set to e; nil and a constant 0 (dropped by
// omitempty) mean no exp.
func expiryValue(p *rule.Pass, e ast.Expr) expiry {
	if match.IsNil(p.TypesInfo, e) {
		return expiry{known: true}
	}
	if n, ok := match.ConstInt(p.TypesInfo, e); ok && n == 0 {
		return expiry{known: true}
	}
	return expiry{known: true, values: []ast.Expr{e}}
}

// laterExpiry is what the stores into a claims variable after its
// declaration set exp to.
type laterExpiry struct {
	values   []ast.Expr // the values stored into exp
	replaced bool       // an embedded claims struct on the path is replaced as a whole
}

// expiryAssignments follows the uses of the claims variable v after its
// declaration. It returns the values later assigned to exp, and ok false
// when a use may set exp in a way the analysis cannot see: v reassigned or
// handed by reference to other code, a computed map key, the embedded
// claims replaced by a value the analysis cannot read.
func expiryAssignments(p *rule.Pass, scope inspector.Cursor, v *types.Var, shape claimsShape) (later laterExpiry, ok bool) {
	byValue := !isReference(v.Type())
	for _, use := range p.Index.UsesIn(scope, v) {
		if isClaimsArgument(p, use) {
			continue
		}
		vals, replaced, known := useSetsExpiry(p, use, shape, byValue)
		if !known {
			return laterExpiry{}, false
		}
		later.values = append(later.values, vals...)
		later.replaced = later.replaced || replaced
	}
	return later, true
}

// useSetsExpiry classifies one use of a claims variable: it returns the
// values the use stores into exp (none when it does not), replaced when
// it stores a whole embedded claims struct, and known false when the use
// may change exp out of sight.
func useSetsExpiry(p *rule.Pass, use inspector.Cursor, shape claimsShape, byValue bool) (values []ast.Expr, replaced, known bool) {
	switch use.ParentEdgeKind() {
	case edge.IndexExpr_X: // claims["key"]
		ix := use.Parent()
		if !isStore(ix) {
			return nil, false, true
		}
		key, ok := match.ConstString(p.TypesInfo, ix.Node().(*ast.IndexExpr).Index)
		if !ok {
			return nil, false, false
		}
		if key != "exp" {
			return nil, false, true
		}
		v, known := storedValue(ix)
		return []ast.Expr{v}, false, known
	case edge.SelectorExpr_X: // claims.Field...
		return selectorSetsExpiry(p, use, shape)
	case edge.CallExpr_Args, edge.AssignStmt_Rhs, edge.ValueSpec_Values, edge.KeyValueExpr_Value,
		edge.CompositeLit_Elts, edge.ReturnStmt_Results, edge.SendStmt_Value:
		return nil, false, byValue // a copy cannot change our claims; a map or pointer can
	case edge.RangeStmt_X, edge.BinaryExpr_X, edge.BinaryExpr_Y:
		return nil, false, true
	}
	return nil, false, false
}

// selectorSetsExpiry classifies claims.A.B... : a store into ExpiresAt
// sets exp; a store of a literal or local variable into an embedded
// claims struct on the path sets the exp that value holds; any other
// store into it, or its address taken, hides exp; a pointer-receiver
// method call may change anything.
func selectorSetsExpiry(p *rule.Pass, use inspector.Cursor, shape claimsShape) (values []ast.Expr, replaced, known bool) {
	c := use.Parent()
	for {
		sel := c.Node().(*ast.SelectorExpr)
		s, ok := p.TypesInfo.Selections[sel]
		if !ok {
			return nil, false, false
		}
		if s.Kind() != types.FieldVal {
			return nil, false, !hasPointerReceiver(s.Obj())
		}
		field := s.Obj().(*types.Var)
		if c.ParentEdgeKind() == edge.SelectorExpr_X {
			c = c.Parent()
			continue
		}
		switch {
		case field.Name() == "ExpiresAt" && isJWTPackage(field.Pkg()):
			if !isStore(c) {
				return nil, false, true
			}
			v, known := storedValue(c)
			return []ast.Expr{v}, false, known
		case onPath(field, shape) && isAddressTaken(c):
			return nil, false, false
		case onPath(field, shape) && isStore(c):
			return replacedExpiry(p, c, field, shape)
		}
		return nil, false, true
	}
}

// replacedExpiry reads the exp of the value a plain assignment stores
// into field, an embedded claims struct on shape.path
// (claims.RegisteredClaims = jwt.RegisteredClaims{...}).
func replacedExpiry(p *rule.Pass, c inspector.Cursor, field *types.Var, shape claimsShape) (values []ast.Expr, replaced, known bool) {
	as, ok := c.Parent().Node().(*ast.AssignStmt)
	if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
		return nil, false, false
	}
	depth := slices.Index(shape.path, field) + 1
	exp := exprExpiry(p, as.Rhs[c.ParentEdgeIndex()], shape, depth)
	if !exp.known {
		return nil, false, false
	}
	return exp.values, true, true
}

// isClaimsArgument reports whether the use is the claims argument of a
// NewWithClaims call, as claims or &claims.
func isClaimsArgument(p *rule.Pass, use inspector.Cursor) bool {
	c := use
	if c.ParentEdgeKind() == edge.UnaryExpr_X && c.Parent().Node().(*ast.UnaryExpr).Op == token.AND {
		c = c.Parent()
	}
	if c.ParentEdgeKind() != edge.CallExpr_Args {
		return false
	}
	call := c.Parent().Node().(*ast.CallExpr)
	return isJWTFunc(calleeOf(p.TypesInfo, call), "NewWithClaims")
}

// isStore reports whether c is stored into: the left of an assignment
// (plain or compound) or of ++/--.
func isStore(c inspector.Cursor) bool {
	switch c.ParentEdgeKind() {
	case edge.AssignStmt_Lhs, edge.IncDecStmt_X:
		return true
	}
	return false
}

// isAddressTaken reports whether c is the operand of &.
func isAddressTaken(c inspector.Cursor) bool {
	return c.ParentEdgeKind() == edge.UnaryExpr_X && c.Parent().Node().(*ast.UnaryExpr).Op == token.AND
}

// storedValue returns the value a plain one-to-one assignment stores into
// c; a compound assignment or ++ sets exp to something unseen, which keeps
// the rule quiet but is not a constant lifetime.
func storedValue(c inspector.Cursor) (ast.Expr, bool) {
	as, ok := c.Parent().Node().(*ast.AssignStmt)
	if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
		return c.Node().(ast.Expr), true // exp is set, to something we do not evaluate
	}
	return as.Rhs[c.ParentEdgeIndex()], true
}

// onPath reports whether field is one of the embedded fields that lead to
// the claims struct holding exp.
func onPath(field *types.Var, shape claimsShape) bool {
	for _, f := range shape.path {
		if f == field {
			return true
		}
	}
	return false
}

// hasPointerReceiver reports whether the method obj can modify its
// receiver.
func hasPointerReceiver(obj types.Object) bool {
	sig, ok := obj.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return true
	}
	_, ptr := types.Unalias(sig.Recv().Type()).(*types.Pointer)
	return ptr
}

// isReference reports whether values of t share their contents when
// copied (maps and pointers), so that code handed a copy can change them.
func isReference(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Map, *types.Pointer:
		return true
	}
	return false
}

// structElement returns the element of a struct literal that sets field f
// (nil when the literal leaves it zero), keyed or positional; ok is false
// when the literal is not of the struct that declares f.
func structElement(info *types.Info, lit *ast.CompositeLit, f *types.Var) (ast.Expr, bool) {
	if len(lit.Elts) == 0 {
		return nil, true
	}
	if _, keyed := lit.Elts[0].(*ast.KeyValueExpr); keyed {
		for _, elt := range lit.Elts {
			kv := elt.(*ast.KeyValueExpr)
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == f.Name() {
				return kv.Value, true
			}
		}
		return nil, true
	}
	t := info.TypeOf(lit)
	if t == nil {
		return nil, false
	}
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem() // an elided &T{...} element of a []*T literal
	}
	st, ok := t.Underlying().(*types.Struct) // a positional literal sets every field in order
	if !ok || st.NumFields() != len(lit.Elts) {
		return nil, false
	}
	for i := range st.NumFields() {
		if st.Field(i) == f {
			return lit.Elts[i], true
		}
	}
	return nil, false
}

// isKeyedOrEmpty reports whether a new keyed element can be added to lit.
func isKeyedOrEmpty(lit *ast.CompositeLit) bool {
	if len(lit.Elts) == 0 {
		return true
	}
	_, keyed := lit.Elts[0].(*ast.KeyValueExpr)
	return keyed
}

// fieldByName returns the field of st named name.
func fieldByName(st *types.Struct, name string) *types.Var {
	for i := range st.NumFields() {
		if st.Field(i).Name() == name {
			return st.Field(i)
		}
	}
	return nil
}
