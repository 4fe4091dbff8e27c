package jwtunverified

import (
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// The forms of jwt-unverified decided while collecting candidates, one
// function each (rule.FixtureFunc), beside the reported twins of this
// package.

func quietPeekThenVerify(s string, keys map[string][]byte) (*UserClaims, error) {
	var peek UserClaims
	if _, _, err := jwt.NewParser().ParseUnverified(s, &peek); err != nil {
		return nil, err
	}
	key := keys[peek.Issuer]
	var claims UserClaims
	_, err := jwt.ParseWithClaims(s, &claims, func(t *jwt.Token) (any, error) { return key, nil }, jwt.WithValidMethods([]string{"HS256"}))
	return &claims, err
}

func quietRawTokenHandedOn(raw string, verify func(string) error) (string, error) {
	var claims UserClaims
	if _, _, err := jwt.NewParser().ParseUnverified(raw, &claims); err != nil {
		return "", err
	}
	return claims.Role, verify(raw)
}

func quietIssuerOrTimeClaims(s string) (time.Time, error) {
	var claims UserClaims
	if _, _, err := jwt.NewParser().ParseUnverified(s, &claims); err != nil {
		return time.Time{}, err
	}
	if claims.ExpiresAt == nil {
		return time.Time{}, nil
	}
	return claims.ExpiresAt.Time, nil
}
