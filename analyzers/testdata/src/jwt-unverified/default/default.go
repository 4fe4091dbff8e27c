// Package defaultjwt: jwt-unverified is opt-in, so with the default
// rules.toml this Keyfunc, which lets the token choose the algorithm, is
// not reported (TestUnverifiedOffByDefault switches the rule on and
// expects it).
package defaultjwt

import "github.com/golang-jwt/jwt/v5"

var secret = []byte("s")

func parseUnchecked(s string) (*jwt.Token, error) {
	return jwt.Parse(s, func(t *jwt.Token) (any, error) {
		return secret, nil
	})
}
