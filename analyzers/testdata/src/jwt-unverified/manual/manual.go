// Package jwtunverifiedmanual turns claims validation off in the parser
// and validates claims by hand: the rule stays quiet on the whole package.
package jwtunverifiedmanual

import (
	"errors"

	jwtv4 "github.com/golang-jwt/jwt/v4"
	"github.com/golang-jwt/jwt/v5"
)

var secret = []byte("s")

func keyHMAC(t *jwt.Token) (any, error) {
	if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
		return nil, errors.New("unexpected alg")
	}
	return secret, nil
}

// Service keeps a parser that skips claims validation; Check validates.
type Service struct{ parser *jwt.Parser }

// NewService builds the parser away from where claims are validated.
func NewService() *Service {
	return &Service{parser: jwt.NewParser(jwt.WithValidMethods([]string{"HS256"}), jwt.WithoutClaimsValidation())}
}

// Check verifies, then validates the claims with its own leeway.
func (s *Service) Check(raw string) error {
	var claims jwt.RegisteredClaims
	if _, err := s.parser.ParseWithClaims(raw, &claims, keyHMAC); err != nil {
		return err
	}
	return jwt.NewValidator(jwt.WithLeeway(30)).Validate(claims)
}

// checkV4 does the same with the v4 Parser fields.
func checkV4(raw string) error {
	p := &jwtv4.Parser{ValidMethods: []string{"HS256"}, SkipClaimsValidation: true}
	var claims jwtv4.RegisteredClaims
	if _, err := p.ParseWithClaims(raw, &claims, func(t *jwtv4.Token) (interface{}, error) { return secret, nil }); err != nil {
		return err
	}
	return claims.Valid()
}
