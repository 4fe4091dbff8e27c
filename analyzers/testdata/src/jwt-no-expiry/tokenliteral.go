package jwtnoexpiry

import (
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// Positive: a token built by hand (a jwt.Token literal with its Method and
// Claims), signed with no ExpiresAt.
func signTokenLiteral(id string) (string, error) {
	t := jwt.Token{
		Header: map[string]any{"typ": "JWT", "alg": jwt.SigningMethodRS256.Alg()},
		Claims: jwt.RegisteredClaims{Subject: id, IssuedAt: jwt.NewNumericDate(time.Now())}, // want `\[jwt-no-expiry\] this token never expires: these jwt.RegisteredClaims set no ExpiresAt`
		Method: jwt.SigningMethodRS256,
	}
	return t.SignedString(key)
}

// Safe twin: the hand-built token carries an ExpiresAt ten minutes away.
func signTokenLiteralExpiring(id string) (string, error) {
	t := &jwt.Token{
		Header: map[string]any{"typ": "JWT", "alg": jwt.SigningMethodRS256.Alg()},
		Claims: jwt.RegisteredClaims{Subject: id, ExpiresAt: jwt.NewNumericDate(time.Now().Add(10 * time.Minute))},
		Method: jwt.SigningMethodRS256,
	}
	return t.SignedString(key)
}

// Safe twin: a token literal with no Method is not built to be signed (a
// value a test or a parser fills).
func tokenWithoutMethod(id string) *jwt.Token {
	return &jwt.Token{Claims: jwt.RegisteredClaims{Subject: id}}
}
