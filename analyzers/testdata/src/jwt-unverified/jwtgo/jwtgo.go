package jwtunverifiedjwtgo

import (
	"fmt"

	jwt "github.com/dgrijalva/jwt-go"
)

var secret = []byte("s")

// Positive: the archived jwt-go, unchecked Keyfunc.
func parse(s string) (*jwt.Token, error) {
	return jwt.ParseWithClaims(s, &jwt.StandardClaims{}, func(t *jwt.Token) (interface{}, error) { // want `\[jwt-unverified\] this Keyfunc returns the key without checking token.Method`
		return secret, nil
	})
}

// Safe twin: the Keyfunc checks the method type.
func parseChecked(s string) (*jwt.Token, error) {
	return jwt.ParseWithClaims(s, &jwt.StandardClaims{}, func(t *jwt.Token) (interface{}, error) {
		if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
			return nil, fmt.Errorf("unexpected signing method: %v", t.Header["alg"])
		}
		return secret, nil
	})
}

// parser is pinned once for the package.
var parser = &jwt.Parser{ValidMethods: []string{"HS256"}}

// Safe twin: a package-level parser pinned with ValidMethods.
func parsePackageParser(s string) (*jwt.Token, error) {
	return parser.Parse(s, func(t *jwt.Token) (interface{}, error) { return secret, nil })
}

// Positive: "none" among the methods of a jwt-go parser.
var lax = jwt.Parser{ValidMethods: []string{"HS256", "none"}} // want `\[jwt-unverified\] "none" among the valid methods`

// Positive: a Keyfunc that accepts none.
func noneKey(t *jwt.Token) (interface{}, error) {
	if t.Method == jwt.SigningMethodNone {
		return jwt.UnsafeAllowNoneSignatureType, nil // want `\[jwt-unverified\] this Keyfunc accepts alg "none"`
	}
	return secret, nil
}

// Positive: skipping claims validation by assignment.
func relax(p *jwt.Parser) {
	p.SkipClaimsValidation = true // want `\[jwt-unverified\] SkipClaimsValidation turns off`
}
