package jwtunverifiedv4

import (
	"errors"

	"github.com/golang-jwt/jwt/v4"
)

var secret = []byte("s")

// Positive: an unchecked Keyfunc, v4 package Parse.
func parse(s string) (*jwt.Token, error) {
	return jwt.Parse(s, func(t *jwt.Token) (interface{}, error) { return secret, nil }) // want `\[jwt-unverified\] this Keyfunc returns the key without checking token.Method`
}

// Safe twin: pinned with the v4 option.
func parsePinned(s string) (*jwt.Token, error) {
	return jwt.Parse(s, func(t *jwt.Token) (interface{}, error) { return secret, nil }, jwt.WithValidMethods([]string{"HS256"}))
}

// Positive: a Parser literal with no ValidMethods, skipping claims validation.
func parseLiteral(s string) (*jwt.Token, error) {
	p := &jwt.Parser{SkipClaimsValidation: true}                                      // want `\[jwt-unverified\] SkipClaimsValidation turns off the exp, nbf and iat checks`
	return p.Parse(s, func(t *jwt.Token) (interface{}, error) { return secret, nil }) // want `\[jwt-unverified\] this Keyfunc returns the key`
}

// Safe twin: a Parser literal pinned through ValidMethods.
func parseLiteralPinned(s string) (*jwt.Token, error) {
	p := &jwt.Parser{ValidMethods: []string{"HS256"}}
	return p.Parse(s, func(t *jwt.Token) (interface{}, error) { return secret, nil })
}

// Safe twin: ValidMethods assigned after construction.
func parseAssignedPinned(s string) (*jwt.Token, error) {
	p := new(jwt.Parser)
	p.ValidMethods = []string{"RS256"}
	return p.ParseWithClaims(s, &jwt.RegisteredClaims{}, func(t *jwt.Token) (interface{}, error) { return secret, nil })
}

// Safe twin: the Keyfunc compares the method value.
func parseCompared(s string) (*jwt.Token, error) {
	return jwt.Parse(s, func(t *jwt.Token) (interface{}, error) {
		if t.Method != jwt.SigningMethodHS256 {
			return nil, errors.New("unexpected alg")
		}
		return secret, nil
	})
}

// Positive: StandardClaims read unverified and compared.
func subjectIs(s, want string) bool {
	var claims jwt.StandardClaims
	if _, _, err := new(jwt.Parser).ParseUnverified(s, &claims); err != nil { // want `\[jwt-unverified\] ParseUnverified does not check the signature, yet these claims are compared here`
		return false
	}
	return claims.Subject == want
}
