// Package api verifies tokens with the parsers the auth package builds.
package api

import (
	"github.com/golang-jwt/jwt/v5"

	"jwt-unverified/facts/auth"
)

var key = []byte("secret")

func fromConstructor(s string) (*jwt.Token, error) {
	p := auth.NewParser()
	return p.Parse(s, func(t *jwt.Token) (any, error) { // want `\[jwt-unverified\] this Keyfunc returns the key without checking token.Method`
		return key, nil
	})
}

func fromPinnedConstructor(s string) (*jwt.Token, error) {
	return auth.NewPinnedParser().Parse(s, func(t *jwt.Token) (any, error) {
		return key, nil
	})
}

func fromField(v *auth.Verifier, s string) (*jwt.Token, error) {
	return v.Parser().Parse(s, func(t *jwt.Token) (any, error) { // want `\[jwt-unverified\] this Keyfunc returns the key without checking token.Method`
		return v.Key, nil
	})
}

func fromPinnedField(v *auth.PinnedVerifier, s string) (*jwt.Token, error) {
	return v.Parser().Parse(s, func(t *jwt.Token) (any, error) {
		return v.Key, nil
	})
}
