// Package jwt synthesizes github.com/golang-jwt/jwt/v5 for tests: a minimal
// local copy of the v5 API this scenario uses, so that it builds offline.
package jwt

import "time"

// Claims is the v5 claims interface.
type Claims interface {
	GetExpirationTime() (*NumericDate, error)
	GetIssuedAt() (*NumericDate, error)
	GetNotBefore() (*NumericDate, error)
	GetIssuer() (string, error)
	GetSubject() (string, error)
	GetAudience() (ClaimStrings, error)
}

// MapClaims is a claims set kept as a JSON map.
type MapClaims map[string]any

func (m MapClaims) GetExpirationTime() (*NumericDate, error) { return nil, nil }
func (m MapClaims) GetNotBefore() (*NumericDate, error)      { return nil, nil }
func (m MapClaims) GetIssuedAt() (*NumericDate, error)       { return nil, nil }
func (m MapClaims) GetAudience() (ClaimStrings, error)       { return nil, nil }
func (m MapClaims) GetIssuer() (string, error)               { return "", nil }
func (m MapClaims) GetSubject() (string, error)              { return "", nil }

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

func (c RegisteredClaims) GetExpirationTime() (*NumericDate, error) { return c.ExpiresAt, nil }
func (c RegisteredClaims) GetNotBefore() (*NumericDate, error)      { return c.NotBefore, nil }
func (c RegisteredClaims) GetIssuedAt() (*NumericDate, error)       { return c.IssuedAt, nil }
func (c RegisteredClaims) GetAudience() (ClaimStrings, error)       { return c.Audience, nil }
func (c RegisteredClaims) GetIssuer() (string, error)               { return c.Issuer, nil }
func (c RegisteredClaims) GetSubject() (string, error)              { return c.Subject, nil }

// NumericDate is a JSON numeric date.
type NumericDate struct {
	time.Time
}

// NewNumericDate returns t as a NumericDate.
func NewNumericDate(t time.Time) *NumericDate { return &NumericDate{t} }

// ClaimStrings is a string or an array of strings.
type ClaimStrings []string
