package jwtunverified

import "github.com/golang-jwt/jwt/v5"

// From pocketbase tools/security/jwt.go:18: a helper whose name says it
// does not verify returns the claims, like ParseUnverified itself; its
// callers peek at them to find the key and then verify.
func ParseUnverifiedJWT(token string) (jwt.MapClaims, error) {
	claims := jwt.MapClaims{}
	parser := &jwt.Parser{}
	_, _, err := parser.ParseUnverified(token, claims)
	return claims, err
}

// Still reported: such a helper that makes an access decision on the
// claims it did not verify.
func insecureIsAdmin(token string) bool {
	claims := jwt.MapClaims{}
	_, _, err := jwt.NewParser().ParseUnverified(token, claims) // want `\[jwt-unverified\] ParseUnverified does not check the signature, yet these claims are compared here`
	return err == nil && claims["role"] == "admin"
}
