package jwtnoexpiry

import (
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// Positive: a constant date decades away is effectively never.
func signFixedDate(id string) (string, error) {
	claims := jwt.RegisteredClaims{Subject: id, ExpiresAt: jwt.NewNumericDate(time.Date(2099, 12, 31, 0, 0, 0, 0, time.UTC))} // want `\[jwt-no-expiry\] this token expires at the fixed date 2099-12-31, so it effectively never expires`
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

// Positive: a constant Unix time decades away.
func signFixedUnix(id string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": id, "exp": time.Unix(4102444800, 0).Unix()}).SignedString(key) // want `\[jwt-no-expiry\] this token expires at the fixed date 2100-01-01, so it effectively never expires`
}

// Safe twin: a constant date already past bounds every token.
func signPastDate(id string) (string, error) {
	claims := jwt.RegisteredClaims{Subject: id, ExpiresAt: jwt.NewNumericDate(time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC))}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

// Positive: a refresh token with a jti may live longer than an access
// token, but not a year: that is effectively never.
func issueRefreshToken(id, jti string) (string, error) {
	claims := jwt.RegisteredClaims{Subject: id, ID: jti, ExpiresAt: jwt.NewNumericDate(time.Now().AddDate(1, 0, 0))} // want `\[jwt-no-expiry\] this token stays valid for 365 days, so it effectively never expires`
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

// Positive: past the 30-day limit for refresh tokens.
func issueRefreshTokenLong(id, jti string) (string, error) {
	claims := jwt.RegisteredClaims{Subject: id, ID: jti, ExpiresAt: jwt.NewNumericDate(time.Now().AddDate(0, 0, 90))} // want `\[jwt-no-expiry\] this token stays valid for 90 days, more than the 720h purpose-max-lifetime`
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

// Safe twin: a refresh token with a jti living two weeks.
func issueRefreshTokenOK(id, jti string) (string, error) {
	claims := jwt.RegisteredClaims{Subject: id, ID: jti, ExpiresAt: jwt.NewNumericDate(time.Now().AddDate(0, 0, 14))}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

// Safe twin: an invitation token named by a claim value, with a jti key.
func signInvite(email, id string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
		"sub": email, "jti": id, "purpose": "invitation",
		"exp": time.Now().Add(7 * 24 * time.Hour).Unix(),
	}).SignedString(key)
}

// Positive: named a refresh token, but with no jti it cannot be used once
// or revoked: the access-token limit applies.
func issueRefreshNoID(id string) (string, error) {
	claims := jwt.RegisteredClaims{Subject: id, ExpiresAt: jwt.NewNumericDate(time.Now().AddDate(0, 0, 14))} // want `\[jwt-no-expiry\] this token stays valid for 14 days, more than the 24h max-lifetime`
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

// Positive: a jti alone does not make a session token a refresh token.
func signSession(id, jti string) (string, error) {
	claims := jwt.RegisteredClaims{Subject: id, ID: jti, ExpiresAt: jwt.NewNumericDate(time.Now().AddDate(0, 0, 14))} // want `\[jwt-no-expiry\] this token stays valid for 14 days, more than the 24h max-lifetime`
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}
