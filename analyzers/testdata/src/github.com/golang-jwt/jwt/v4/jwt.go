// Package jwt synthesizes github.com/golang-jwt/jwt/v4 for tests: only the
// declarations prodlint's JWT rules match, with the real signatures.
package jwt

import "time"

// Claims is the v4 claims interface.
type Claims interface {
	Valid() error
}

// MapClaims is a claims set kept as a JSON map.
type MapClaims map[string]interface{}

func (m MapClaims) Valid() error                             { return nil }
func (m MapClaims) VerifyExpiresAt(cmp int64, req bool) bool { return true }
func (m MapClaims) VerifyIssuer(cmp string, req bool) bool   { return true }
func (m MapClaims) VerifyAudience(cmp string, req bool) bool { return true }
func (m MapClaims) VerifyNotBefore(cmp int64, req bool) bool { return true }
func (m MapClaims) VerifyIssuedAt(cmp int64, req bool) bool  { return true }

// RegisteredClaims are the registered claim names as a struct.
type RegisteredClaims struct {
	Issuer    string       `json:"iss,omitempty"`
	Subject   string       `json:"sub,omitempty"`
	Audience  ClaimStrings `json:"aud,omitempty"`
	ExpiresAt *NumericDate `json:"exp,omitempty"`
	NotBefore *NumericDate `json:"nbf,omitempty"`
	IssuedAt  *NumericDate `json:"iat,omitempty"`
	ID        string       `json:"jti,omitempty"`
}

func (c RegisteredClaims) Valid() error                                  { return nil }
func (c *RegisteredClaims) VerifyExpiresAt(cmp time.Time, req bool) bool { return true }

// StandardClaims are the deprecated registered claims with int64 dates.
type StandardClaims struct {
	Audience  string `json:"aud,omitempty"`
	ExpiresAt int64  `json:"exp,omitempty"`
	Id        string `json:"jti,omitempty"`
	IssuedAt  int64  `json:"iat,omitempty"`
	Issuer    string `json:"iss,omitempty"`
	NotBefore int64  `json:"nbf,omitempty"`
	Subject   string `json:"sub,omitempty"`
}

func (c StandardClaims) Valid() error                              { return nil }
func (c *StandardClaims) VerifyExpiresAt(cmp int64, req bool) bool { return true }

// NumericDate is a JSON numeric date.
type NumericDate struct {
	time.Time
}

// NewNumericDate returns t as a NumericDate.
func NewNumericDate(t time.Time) *NumericDate { return &NumericDate{t} }

// ClaimStrings is a string or an array of strings.
type ClaimStrings []string
