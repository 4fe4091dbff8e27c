package jwtunverified

import (
	"errors"

	"github.com/golang-jwt/jwt/v5"
)

// Positive: claims validation turned off.
func parseExpiredToo(s string) (*jwt.Token, error) {
	return jwt.Parse(s, keyBySwitch, jwt.WithoutClaimsValidation()) // want `\[jwt-unverified\] jwt.WithoutClaimsValidation turns off the exp, nbf and iat checks`
}

// UserClaims are the claims the service issues.
type UserClaims struct {
	Role string `json:"role"`
	jwt.RegisteredClaims
}

// Positive: claims read without verification are returned as the user's.
func userFromToken(s string) (*UserClaims, error) {
	var claims UserClaims
	if _, _, err := jwt.NewParser().ParseUnverified(s, &claims); err != nil { // want `\[jwt-unverified\] ParseUnverified does not check the signature, yet these claims are returned here`
		return nil, err
	}
	return &claims, nil
}

// Positive: a role read without verification decides access.
func isAdmin(s string) bool {
	tok, _, err := jwt.NewParser().ParseUnverified(s, jwt.MapClaims{}) // want `\[jwt-unverified\] ParseUnverified does not check the signature, yet these claims are compared here`
	if err != nil {
		return false
	}
	mc, _ := tok.Claims.(jwt.MapClaims)
	role, _ := mc["role"].(string)
	return role == "admin"
}

// Safe twin: the issuer picks the key, then the token is verified.
func verifyByIssuer(s string, keys map[string][]byte) (*UserClaims, error) {
	var peek UserClaims
	if _, _, err := jwt.NewParser().ParseUnverified(s, &peek); err != nil {
		return nil, err
	}
	key, ok := keys[peek.Issuer]
	if !ok {
		return nil, errors.New("unknown issuer")
	}
	var claims UserClaims
	_, err := jwt.ParseWithClaims(s, &claims, func(t *jwt.Token) (any, error) { return key, nil }, jwt.WithValidMethods([]string{"HS256"}))
	return &claims, err
}

// Safe twin: only the issuer is returned, to route to a key set.
func issuerOf(s string) (string, error) {
	var claims UserClaims
	if _, _, err := jwt.NewParser().ParseUnverified(s, &claims); err != nil {
		return "", err
	}
	return claims.Issuer, nil
}

// Safe twin: only the header's kid is read.
func kidOf(s string) (string, error) {
	tok, _, err := jwt.NewParser().ParseUnverified(s, jwt.MapClaims{})
	if err != nil {
		return "", err
	}
	kid, _ := tok.Header["kid"].(string)
	return kid, nil
}

// Safe twin: the raw token goes on to code that may verify it.
func logAndVerify(s string) error {
	tok, _, err := jwt.NewParser().ParseUnverified(s, jwt.MapClaims{})
	if err != nil {
		return err
	}
	if tok.Claims != nil {
		return verifyElsewhere(s)
	}
	return nil
}

func verifyElsewhere(s string) error { return nil }

// Safe twin: the unverified token is returned whole; the caller may only read its header.
func peek(s string) (*jwt.Token, error) {
	tok, _, err := jwt.NewParser().ParseUnverified(s, jwt.MapClaims{})
	return tok, err
}

// Positive: the claims of the unverified token are returned.
func peekClaims(s string) (jwt.Claims, error) {
	tok, _, err := jwt.NewParser().ParseUnverified(s, jwt.MapClaims{}) // want `\[jwt-unverified\] ParseUnverified does not check the signature, yet these claims are returned here`
	if err != nil {
		return nil, err
	}
	return tok.Claims, nil
}

// Safe twin: only the expiry of a token just received is returned, to
// schedule its refresh.
func expiryOf(s string) (int64, error) {
	var claims jwt.RegisteredClaims
	if _, _, err := jwt.NewParser().ParseUnverified(s, &claims); err != nil {
		return 0, err
	}
	if claims.ExpiresAt == nil {
		return 0, errors.New("no expiry")
	}
	return claims.ExpiresAt.Unix(), nil
}

// Positive twin: the subject is returned next to the expiry.
func subjectAndExpiry(s string) (string, int64, error) {
	var claims jwt.RegisteredClaims
	if _, _, err := jwt.NewParser().ParseUnverified(s, &claims); err != nil { // want `\[jwt-unverified\] ParseUnverified does not check the signature, yet these claims are returned here`
		return "", 0, err
	}
	return claims.Subject, claims.ExpiresAt.Unix(), nil
}
