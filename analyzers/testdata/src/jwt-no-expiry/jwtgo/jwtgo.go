package jwtnoexpiryjwtgo

import (
	"time"

	jwt "github.com/dgrijalva/jwt-go"
)

var key = []byte("k")

// LegacyClaims embed jwt-go's StandardClaims.
type LegacyClaims struct {
	jwt.StandardClaims
	Scope string `json:"scope"`
}

// Positive: embedded StandardClaims with no ExpiresAt.
func sign(scope string) (string, error) {
	claims := &LegacyClaims{
		StandardClaims: jwt.StandardClaims{Issuer: "legacy"},
		Scope:          scope,
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key) // want `\[jwt-no-expiry\] this token never expires: the LegacyClaims claims embed jwt.StandardClaims with no ExpiresAt`
}

// Safe twin: ExpiresAt two hours on, as seconds added to now.Unix().
func signExpiring(scope string) (string, error) {
	claims := &LegacyClaims{
		StandardClaims: jwt.StandardClaims{Issuer: "legacy", ExpiresAt: time.Now().Unix() + 7200},
		Scope:          scope,
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

// Positive: ExpiresAt 0 is dropped by omitempty.
func signZero(scope string) (string, error) {
	claims := LegacyClaims{StandardClaims: jwt.StandardClaims{ExpiresAt: 0}, Scope: scope}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key) // want `\[jwt-no-expiry\] this token never expires`
}

// Safe twin: a custom struct with its own MarshalJSON decides its exp.
type Encoded struct {
	jwt.StandardClaims
}

func (Encoded) MarshalJSON() ([]byte, error) { return []byte(`{"exp":1}`), nil }

func signEncoded() (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, Encoded{}).SignedString(key)
}
