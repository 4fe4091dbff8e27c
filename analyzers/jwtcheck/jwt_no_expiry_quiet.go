package jwtcheck

import (
	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// signedClaims is a jwt.NewWithClaims call and what the analysis learned
// about the exp of its claims, a candidate of jwt-no-expiry.
type signedClaims struct {
	p   *rule.Pass
	c   inspector.Cursor
	exp expiry
}

// noExpiryQuiet are the safe forms of claims signed into a token.
var noExpiryQuiet = []rule.QuietForm[signedClaims]{
	{
		Name: "claims-from-elsewhere",
		Doc: "Claims that come from a parameter, a call or a package variable, or are handed to other code by " +
			"reference before signing: the analysis cannot see what that code sets.",
		Applies: func(s signedClaims) bool { return !s.exp.known },
	},
	{
		Name: "random-one-use-key",
		Doc: "A token signed on the spot with a key the function draws from crypto/rand and uses for nothing else: no " +
			"one holds the key, so no one can verify the token (it is an opaque random secret shaped like a JWT).",
		Applies: func(s signedClaims) bool { return len(s.exp.values) == 0 && signedWithDiscardedKey(s.p, s.c) },
	},
}
