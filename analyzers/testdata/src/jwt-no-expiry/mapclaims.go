package jwtnoexpiry

import (
	"time"

	"github.com/golang-jwt/jwt/v5"
)

var key = []byte("k")

// Positive: the acceptance example, a MapClaims with only a subject.
func signSubject(id string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": id}).SignedString(key) // want `\[jwt-no-expiry\] this token never expires: these jwt.MapClaims have no "exp", so a leaked or revoked user's token stays valid forever; add "exp": time.Now\(\).Add\(15 \* time.Minute\).Unix\(\) and refresh tokens instead`
}

// Safe twin: exp set from a short constant lifetime.
func signSubjectExpiring(id string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": id, "exp": time.Now().Add(15 * time.Minute).Unix()}).SignedString(key)
}

// Positive: a multi-line literal in a variable.
func signRole(id, role string) (string, error) {
	claims := jwt.MapClaims{
		"sub":  id,
		"role": role,
	}
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, claims) // want `\[jwt-no-expiry\] this token never expires: these jwt.MapClaims have no "exp"`
	return token.SignedString(key)
}

// Safe twin: exp given after the literal, before signing.
func signRoleLater(id, role string) (string, error) {
	claims := jwt.MapClaims{
		"sub":  id,
		"role": role,
	}
	claims["exp"] = time.Now().Add(time.Hour).Unix()
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, claims)
	return token.SignedString(key)
}

// Positive: exp a hundred years away.
func signCentury(id string) (string, error) {
	claims := jwt.MapClaims{
		"sub": id,
		"exp": time.Now().Add(100 * 365 * 24 * time.Hour).Unix(), // want `\[jwt-no-expiry\] this token stays valid for 100 years, so it effectively never expires`
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

// Safe twin: exp from configuration, not a constant.
func signConfigured(id string, ttl time.Duration) (string, error) {
	claims := jwt.MapClaims{
		"sub": id,
		"exp": time.Now().Add(ttl).Unix(),
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

// Positive: a year of seconds added to now.Unix(), through a variable.
func signYearSeconds(id string) (string, error) {
	now := time.Now()
	claims := jwt.MapClaims{"sub": id, "iat": now.Unix()}
	claims["exp"] = now.Unix() + 365*24*3600 // want `\[jwt-no-expiry\] this token stays valid for 365 days`
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

// Safe twin: eight hours through AddDate(0, 0, 0) and Add.
func signWorkday(id string) (string, error) {
	now := time.Now().UTC()
	claims := jwt.MapClaims{"sub": id, "exp": now.Add(8 * time.Hour).Unix()}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

// Positive: AddDate ten years on.
func signDecade(id string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": id, "exp": jwt.NewNumericDate(time.Now().AddDate(10, 0, 0))}).SignedString(key) // want `\[jwt-no-expiry\] this token stays valid for 10 years`
}

// Positive: a fixed far-future timestamp.
func signForever(id string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": id, "exp": 1 << 62}).SignedString(key) // want `\[jwt-no-expiry\] this token expires at the fixed date [0-9-]+, so it effectively never expires`
}

// Safe twin: claims from the caller cannot be seen.
func quietClaimsFromElsewhere(claims jwt.MapClaims) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

// Safe twin: claims handed to code that may set exp.
func signDecorated(id string) (string, error) {
	claims := jwt.MapClaims{"sub": id}
	decorate(claims)
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

func decorate(c jwt.MapClaims) { c["exp"] = time.Now().Add(time.Minute).Unix() }

// Safe twin: a computed key may be "exp".
func signComputed(id, k string, v any) (string, error) {
	claims := jwt.MapClaims{"sub": id}
	claims[k] = v
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

// Safe twin: claims read after the literal do not hide anything.
func signLogged(id string) (string, error) {
	claims := jwt.MapClaims{"sub": id, "exp": time.Now().Add(10 * time.Minute).Unix()}
	_ = claims["sub"]
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}
