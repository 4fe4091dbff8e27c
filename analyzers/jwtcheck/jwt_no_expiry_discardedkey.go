package jwtcheck

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// signedWithDiscardedKey reports whether the token built by the
// NewWithClaims call at c is signed, right there, with a key this function
// draws from crypto/rand and uses for nothing else:
//
//	secretBytes := make([]byte, 32)
//	io.ReadFull(rand.Reader, secretBytes)
//	secretKey := base64.RawURLEncoding.EncodeToString(secretBytes)
//	token, err := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte(secretKey))
//
// No one holds that key, so no one can verify the token: it is an opaque
// random string in the shape of a JWT (gitea's INTERNAL_TOKEN), a shared
// secret compared as a whole and rotated by configuration, not a user's
// token whose exp matters.
func signedWithDiscardedKey(p *rule.Pass, c inspector.Cursor) bool {
	sel, ok := c.Parent().Node().(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "SignedString" {
		return false
	}
	call, ok := c.Parent().Parent().Node().(*ast.CallExpr)
	if !ok || call.Fun != sel || len(call.Args) != 1 {
		return false
	}
	return randomOnly(p, call.Args[0], 3)
}

// randomOnly reports whether e is a local variable (or a conversion of
// one) that holds bytes drawn from crypto/rand in its function, or a value
// computed from such a variable, and that is used nowhere but in e and in
// the calls that fill it. depth bounds the chain of variables followed.
func randomOnly(p *rule.Pass, e ast.Expr, depth int) bool {
	if depth == 0 {
		return false
	}
	e = ast.Unparen(e)
	if conv, ok := e.(*ast.CallExpr); ok && len(conv.Args) == 1 {
		if tv, ok := p.TypesInfo.Types[conv.Fun]; ok && tv.IsType() {
			e = ast.Unparen(conv.Args[0]) // []byte(key)
		}
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := p.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	init, scope, ok := varDecl(p, v)
	if !ok || !scope.Valid() || isReassigned(p, scope, v) {
		return false
	}
	filled, other := false, 0
	for _, use := range p.Index.UsesIn(scope, v) {
		if fillsFromRand(p, use) {
			filled = true
			continue
		}
		other++
	}
	if other != 1 { // the key argument itself: stored, returned or logged anywhere else, it is kept
		return false
	}
	if filled {
		return true
	}
	derived, ok := ast.Unparen(init).(*ast.CallExpr)
	if !ok {
		return false
	}
	if match.IsFunc(match.Callee(p.TypesInfo, derived), "crypto/rand", "Text") {
		return true
	}
	for _, a := range derived.Args { // base64.RawURLEncoding.EncodeToString(secretBytes)
		if randomOnly(p, a, depth-1) {
			return true
		}
	}
	return false
}

// fillsFromRand reports whether the use of a variable at c is the buffer
// of rand.Read(b) or io.ReadFull(rand.Reader, b).
func fillsFromRand(p *rule.Pass, c inspector.Cursor) bool {
	call, ok := c.Parent().Node().(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := match.Callee(p.TypesInfo, call)
	switch {
	case match.IsFunc(fn, "crypto/rand", "Read"):
		return len(call.Args) == 1 && call.Args[0] == c.Node()
	case match.IsFunc(fn, "io", "ReadFull"):
		if len(call.Args) != 2 || call.Args[1] != c.Node() {
			return false
		}
		r, ok := match.ObjectOf(p.TypesInfo, call.Args[0]).(*types.Var)
		return ok && r.Pkg() != nil && r.Pkg().Path() == "crypto/rand" && r.Name() == "Reader"
	}
	return false
}
