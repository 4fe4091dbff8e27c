package jwtnoexpiry

import (
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// NamedClaims embeds the registered claims, built by the function in a
// variable of their own.
type NamedClaims struct {
	Name string `json:"name"`
	jwt.RegisteredClaims
}

// Safe twin: the registered claims variable gets its exp in a branch.
func signNamedBranch(name string, expires time.Time) (string, error) {
	registered := jwt.RegisteredClaims{Subject: name}
	if !expires.IsZero() {
		registered.ExpiresAt = jwt.NewNumericDate(expires)
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, &NamedClaims{Name: name, RegisteredClaims: registered}).SignedString(key)
}

// Positive: the registered claims variable never gets an exp.
func signNamedNoExpiry(name string) (string, error) {
	registered := jwt.RegisteredClaims{Subject: name}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, &NamedClaims{Name: name, RegisteredClaims: registered}).SignedString(key) // want `\[jwt-no-expiry\] this token never expires: the NamedClaims claims embed jwt.RegisteredClaims with no ExpiresAt`
}

// Positive: the branch sets an exp ten years away.
func signNamedBranchYears(name string, long bool) (string, error) {
	registered := jwt.RegisteredClaims{Subject: name}
	if long {
		registered.ExpiresAt = jwt.NewNumericDate(time.Now().Add(10 * 365 * 24 * time.Hour)) // want `\[jwt-no-expiry\] this token stays valid for 10 years`
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, &NamedClaims{Name: name, RegisteredClaims: registered}).SignedString(key)
}

// Safe twin: the embedded claims are replaced in a branch by a literal
// that sets exp.
func signReplacedBranch(name string, expires time.Time) (string, error) {
	claims := NamedClaims{}
	if !expires.IsZero() {
		claims.RegisteredClaims = jwt.RegisteredClaims{ExpiresAt: jwt.NewNumericDate(expires)}
	}
	claims.Name = name
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

// Positive: the literal that replaces the embedded claims sets no exp.
func signReplacedNoExpiry(name string, issuer string) (string, error) {
	claims := NamedClaims{}
	if issuer != "" {
		claims.RegisteredClaims = jwt.RegisteredClaims{Issuer: issuer}
	}
	claims.Name = name
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key) // want `\[jwt-no-expiry\] this token never expires: the NamedClaims claims embed jwt.RegisteredClaims with no ExpiresAt`
}

// Safe twin: the embedded claims are replaced by claims from the caller,
// whose exp the analysis cannot see (claims-from-elsewhere).
func signReplacedFromCaller(name string, registered jwt.RegisteredClaims) (string, error) {
	claims := NamedClaims{Name: name}
	claims.RegisteredClaims = registered
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

// Safe twin: a positional literal whose embedded claims set exp.
func signPositional(name string) (string, error) {
	claims := &NamedClaims{name, jwt.RegisteredClaims{ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour))}}
	return jwt.NewWithClaims(jwt.SigningMethodRS256, claims).SignedString(key)
}

// Positive: a positional literal whose embedded claims set no exp.
func signPositionalNoExpiry(name string) (string, error) {
	claims := &NamedClaims{name, jwt.RegisteredClaims{Issuer: "auth"}}
	return jwt.NewWithClaims(jwt.SigningMethodRS256, claims).SignedString(key) // want `\[jwt-no-expiry\] this token never expires: the NamedClaims claims embed jwt.RegisteredClaims with no ExpiresAt`
}
