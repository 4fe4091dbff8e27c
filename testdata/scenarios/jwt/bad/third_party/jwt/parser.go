package jwt

import "time"

// Parser parses and verifies tokens.
type Parser struct {
	validMethods         []string
	skipClaimsValidation bool
	validator            *Validator
}

// NewParser returns a parser configured by options.
func NewParser(options ...ParserOption) *Parser { return &Parser{validator: &Validator{}} }

func (p *Parser) Parse(tokenString string, keyFunc Keyfunc) (*Token, error) {
	return p.ParseWithClaims(tokenString, MapClaims{}, keyFunc)
}

func (p *Parser) ParseWithClaims(tokenString string, claims Claims, keyFunc Keyfunc) (*Token, error) {
	return nil, nil
}

func (p *Parser) ParseUnverified(tokenString string, claims Claims) (token *Token, parts []string, err error) {
	return nil, nil, nil
}

// Parse parses and verifies a token with MapClaims.
func Parse(tokenString string, keyFunc Keyfunc, options ...ParserOption) (*Token, error) {
	return NewParser(options...).Parse(tokenString, keyFunc)
}

// ParseWithClaims parses and verifies a token into claims.
func ParseWithClaims(tokenString string, claims Claims, keyFunc Keyfunc, options ...ParserOption) (*Token, error) {
	return NewParser(options...).ParseWithClaims(tokenString, claims, keyFunc)
}

// ParserOption configures a Parser.
type ParserOption func(*Parser)

func WithValidMethods(methods []string) ParserOption {
	return func(p *Parser) { p.validMethods = methods }
}
func WithJSONNumber() ParserOption                 { return func(p *Parser) {} }
func WithoutClaimsValidation() ParserOption        { return func(p *Parser) { p.skipClaimsValidation = true } }
func WithLeeway(leeway time.Duration) ParserOption { return func(p *Parser) {} }
func WithExpirationRequired() ParserOption         { return func(p *Parser) {} }
func WithIssuer(iss string) ParserOption           { return func(p *Parser) {} }
func WithAudience(aud ...string) ParserOption      { return func(p *Parser) {} }
func WithTimeFunc(f func() time.Time) ParserOption { return func(p *Parser) {} }

// Validator validates claims without verifying a signature.
type Validator struct{}

// NewValidator returns a claims validator.
func NewValidator(opts ...ParserOption) *Validator { return &Validator{} }

// Validate validates claims.
func (v *Validator) Validate(claims Claims) error { return nil }
