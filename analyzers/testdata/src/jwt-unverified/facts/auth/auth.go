// Package auth builds the JWT parsers of the facts fixture; the api
// package verifies tokens with them.
package auth

import "github.com/golang-jwt/jwt/v5"

// NewParser returns a parser that lets the token pick its algorithm.
func NewParser() *jwt.Parser {
	return jwt.NewParser(jwt.WithLeeway(5))
}

// NewPinnedParser pins the algorithm.
func NewPinnedParser() *jwt.Parser {
	p := jwt.NewParser(jwt.WithValidMethods([]string{"HS256"}))
	return p
}

// Verifier keeps a parser set by its constructors.
type Verifier struct {
	parser *jwt.Parser
	Key    []byte
}

// NewVerifier sets the field from a constructor that does not pin.
func NewVerifier(key []byte) *Verifier {
	return &Verifier{parser: NewParser(), Key: key}
}

// Parser returns the verifier's parser.
func (v *Verifier) Parser() *jwt.Parser { return v.parser }

// PinnedVerifier keeps a pinned parser.
type PinnedVerifier struct {
	parser *jwt.Parser
	Key    []byte
}

// NewPinnedVerifier sets the field from a pinned constructor.
func NewPinnedVerifier(key []byte) *PinnedVerifier {
	v := &PinnedVerifier{Key: key}
	v.parser = NewPinnedParser()
	return v
}

// Parser returns the verifier's parser.
func (v *PinnedVerifier) Parser() *jwt.Parser { return v.parser }
