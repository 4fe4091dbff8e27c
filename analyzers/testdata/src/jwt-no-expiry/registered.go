package jwtnoexpiry

import (
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// Positive: RegisteredClaims with no ExpiresAt.
func signRegistered(id string) (string, error) {
	claims := jwt.RegisteredClaims{Subject: id, IssuedAt: jwt.NewNumericDate(time.Now())}
	return jwt.NewWithClaims(jwt.SigningMethodRS256, claims).SignedString(key) // want `\[jwt-no-expiry\] this token never expires: these jwt.RegisteredClaims set no ExpiresAt, so a leaked or revoked user's token stays valid forever; set ExpiresAt: jwt.NewNumericDate\(time.Now\(\).Add\(15 \* time.Minute\)\) and refresh tokens instead`
}

// Safe twin: ExpiresAt an hour after issue.
func signRegisteredHour(id string) (string, error) {
	claims := jwt.RegisteredClaims{Subject: id, ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour))}
	return jwt.NewWithClaims(jwt.SigningMethodRS256, claims).SignedString(key)
}

// Positive: a pointer to RegisteredClaims whose ExpiresAt is nil.
func signRegisteredNil(id string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodRS256, &jwt.RegisteredClaims{Subject: id, ExpiresAt: nil}).SignedString(key) // want `\[jwt-no-expiry\] this token never expires`
}

// Safe twin: ExpiresAt assigned through the pointer after the literal.
func signRegisteredLater(id string, ttl time.Duration) (string, error) {
	claims := &jwt.RegisteredClaims{Subject: id}
	claims.ExpiresAt = jwt.NewNumericDate(time.Now().Add(ttl))
	return jwt.NewWithClaims(jwt.SigningMethodRS256, claims).SignedString(key)
}

// UserClaims embeds the registered claims, as the library recommends.
type UserClaims struct {
	Role string `json:"role"`
	jwt.RegisteredClaims
}

// Positive: the embedded claims are left out entirely.
func signUser(role string) (string, error) {
	claims := UserClaims{Role: role}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key) // want `\[jwt-no-expiry\] this token never expires: the UserClaims claims embed jwt.RegisteredClaims with no ExpiresAt`
}

// Positive: the embedded claims are set, without ExpiresAt.
func signUserSubject(id, role string) (string, error) {
	claims := &UserClaims{
		Role: role,
		RegisteredClaims: jwt.RegisteredClaims{
			Subject: id,
			Issuer:  "auth",
		},
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key) // want `\[jwt-no-expiry\] this token never expires: the UserClaims claims embed`
}

// Safe twin: the promoted ExpiresAt assigned later.
func signUserLater(id, role string) (string, error) {
	claims := UserClaims{Role: role, RegisteredClaims: jwt.RegisteredClaims{Subject: id}}
	claims.ExpiresAt = jwt.NewNumericDate(time.Now().Add(30 * time.Minute))
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

// Positive: ExpiresAt through &NumericDate a thousand days away.
func signUserLong(id string) (string, error) {
	claims := UserClaims{RegisteredClaims: jwt.RegisteredClaims{Subject: id, ExpiresAt: &jwt.NumericDate{Time: time.Now().Add(1000 * 24 * time.Hour)}}} // want `\[jwt-no-expiry\] this token stays valid for 2 years, so it effectively never expires`
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

// Safe twin: the embedded claims built by a helper we cannot see into.
func signUserBuilt(id string) (string, error) {
	claims := UserClaims{RegisteredClaims: registered(id)}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

func registered(id string) jwt.RegisteredClaims {
	return jwt.RegisteredClaims{Subject: id, ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour))}
}

// Safe twin: a pointer method may set anything.
func (c *UserClaims) stamp() { c.ExpiresAt = jwt.NewNumericDate(time.Now().Add(time.Hour)) }

func signUserStamped(role string) (string, error) {
	claims := UserClaims{Role: role}
	claims.stamp()
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

// ExpClaims carries its own exp: the analysis does not model it.
type ExpClaims struct {
	jwt.RegisteredClaims
	Expiry int64 `json:"exp"`
}

// Safe twin: an exp field of the author's own.
func signOwnExp(id string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, ExpClaims{RegisteredClaims: jwt.RegisteredClaims{Subject: id}}).SignedString(key)
}

// Positive: the zero value of a custom claims struct.
func signZero() (string, error) {
	var claims UserClaims
	claims.Role = "guest"
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key) // want `\[jwt-no-expiry\] this token never expires`
}

// Safe twin: the zero value given an expiry.
func signZeroExpiring() (string, error) {
	var claims UserClaims
	claims.RegisteredClaims.ExpiresAt = jwt.NewNumericDate(time.Now().Add(5 * time.Minute))
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}
