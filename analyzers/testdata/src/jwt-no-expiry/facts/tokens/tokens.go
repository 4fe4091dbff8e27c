// Package tokens signs the claims its callers build; the login package
// calls it.
package tokens

import "github.com/golang-jwt/jwt/v5"

var key = []byte("secret")

// Sign signs the claims as given.
func Sign(claims jwt.Claims) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

// Issue signs through Sign.
func Issue(subject string, claims jwt.MapClaims) (string, error) {
	return Sign(claims)
}

// SignWithExpiry sets the expiry itself: its callers need not.
func SignWithExpiry(claims jwt.MapClaims) (string, error) {
	claims["exp"] = 1
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

// SignWith hands the claims to a function value: what it does is out of
// sight, so its callers are not judged.
func SignWith(sign func(jwt.Claims) (string, error), claims jwt.Claims) (string, error) {
	return sign(claims)
}
