package jwtnoexpiry

import jwt "github.com/golang-jwt/jwt/v5"

// The name "time" is a parameter here, so the fix imports the time package
// under a free alias: the result builds.
func signShadowed(id string, time int64) (string, error) {
	_ = time
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": id}).SignedString(key) // want `\[jwt-no-expiry\] this token never expires`
}
