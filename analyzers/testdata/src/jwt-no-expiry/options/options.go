package jwtnoexpiryoptions

import (
	"time"

	"github.com/golang-jwt/jwt/v5"
)

var key = []byte("k")

// Positive under max-lifetime = "1h": eight hours is too long.
func signWorkday(id string) (string, error) {
	claims := jwt.RegisteredClaims{Subject: id, ExpiresAt: jwt.NewNumericDate(time.Now().Add(8 * time.Hour))} // want `\[jwt-no-expiry\] this token stays valid for 8h, more than the 1h max-lifetime`
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

// Safe twin: thirty minutes is within the configured hour.
func signShort(id string) (string, error) {
	claims := jwt.RegisteredClaims{Subject: id, ExpiresAt: jwt.NewNumericDate(time.Now().Add(30 * time.Minute))}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

// Positive: the fix uses default-lifetime = "5m".
func signMissing(id string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": id}).SignedString(key) // want `\[jwt-no-expiry\] this token never expires: these jwt.MapClaims have no "exp", so a leaked or revoked user's token stays valid forever; add "exp": time.Now\(\).Add\(5 \* time.Minute\).Unix\(\)`
}

// Positive under purpose-max-lifetime = "72h": a reset token with a jti
// living a week.
func issueResetToken(id, jti string) (string, error) {
	claims := jwt.RegisteredClaims{Subject: id, ID: jti, ExpiresAt: jwt.NewNumericDate(time.Now().Add(7 * 24 * time.Hour))} // want `\[jwt-no-expiry\] this token stays valid for 7 days, more than the 72h purpose-max-lifetime`
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

// Safe twin: two days is within the configured limit.
func issueResetTokenShort(id, jti string) (string, error) {
	claims := jwt.RegisteredClaims{Subject: id, ID: jti, ExpiresAt: jwt.NewNumericDate(time.Now().Add(48 * time.Hour))}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}
