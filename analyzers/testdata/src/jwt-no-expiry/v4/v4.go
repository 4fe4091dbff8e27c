package jwtnoexpiryv4

import (
	"time"

	"github.com/golang-jwt/jwt/v4"
)

var key = []byte("k")

// Positive: v4 MapClaims with no exp.
func signMap(id string) (string, error) {
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": id, "admin": false}) // want `\[jwt-no-expiry\] this token never expires: these jwt.MapClaims have no "exp"`
	return token.SignedString(key)
}

// Safe twin: v4 MapClaims with a short exp.
func signMapExpiring(id string) (string, error) {
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": id, "exp": time.Now().Add(time.Hour).Unix()})
	return token.SignedString(key)
}

// Positive: deprecated StandardClaims with no ExpiresAt.
func signStandard(id string) (string, error) {
	claims := jwt.StandardClaims{Subject: id}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key) // want `\[jwt-no-expiry\] this token never expires: these jwt.StandardClaims set no ExpiresAt, so a leaked or revoked user's token stays valid forever; set ExpiresAt: time.Now\(\).Add\(15 \* time.Minute\).Unix\(\)`
}

// Positive: StandardClaims expiring in a year.
func signStandardYear(id string) (string, error) {
	claims := jwt.StandardClaims{Subject: id, ExpiresAt: time.Now().AddDate(1, 0, 0).Unix()} // want `\[jwt-no-expiry\] this token stays valid for 365 days`
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

// Safe twin: StandardClaims with a configured lifetime.
func signStandardConfigured(id string, ttl time.Duration) (string, error) {
	claims := jwt.StandardClaims{Subject: id, ExpiresAt: time.Now().Add(ttl).Unix()}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

// SessionClaims embed v4 RegisteredClaims by pointer.
type SessionClaims struct {
	*jwt.RegisteredClaims
	Session string `json:"sid"`
}

// Positive: the embedded pointer left nil.
func signSession(sid string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, SessionClaims{Session: sid}).SignedString(key) // want `\[jwt-no-expiry\] this token never expires: the SessionClaims claims embed jwt.RegisteredClaims with no ExpiresAt`
}

// Safe twin: the embedded pointer set with an expiry.
func signSessionExpiring(sid string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, SessionClaims{
		Session:          sid,
		RegisteredClaims: &jwt.RegisteredClaims{ExpiresAt: jwt.NewNumericDate(time.Now().Add(20 * time.Minute))},
	}).SignedString(key)
}
