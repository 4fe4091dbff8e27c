// Package login builds claims and has the tokens package sign them.
package login

import (
	"time"

	"github.com/golang-jwt/jwt/v5"

	"jwt-no-expiry/facts/tokens"
)

func session(user string) (string, error) {
	return tokens.Sign(jwt.MapClaims{"sub": user}) // want `\[jwt-no-expiry\] this token never expires: these jwt.MapClaims have no "exp"`
}

func refresh(user string) (string, error) {
	return tokens.Issue(user, jwt.MapClaims{"sub": user, "kind": "refresh"}) // want `\[jwt-no-expiry\] this token never expires`
}

// viaVariable stays quiet: the claims are handed to other code by
// reference, which may set exp.
func viaVariable(user string) (string, error) {
	claims := jwt.MapClaims{"sub": user}
	return tokens.Issue(user, claims)
}

func safeSession(user string) (string, error) {
	return tokens.Sign(jwt.MapClaims{"sub": user, "exp": time.Now().Add(15 * time.Minute).Unix()})
}

func helperSetsExpiry(user string) (string, error) {
	return tokens.SignWithExpiry(jwt.MapClaims{"sub": user})
}

func viaFunctionValue(user string) (string, error) {
	return tokens.SignWith(tokens.Sign, jwt.MapClaims{"sub": user})
}
