package jwt

// Parser parses and verifies tokens.
type Parser struct {
	ValidMethods         []string
	UseJSONNumber        bool
	SkipClaimsValidation bool
}

// NewParser returns a parser configured by options.
func NewParser(options ...ParserOption) *Parser { return &Parser{} }

func (p *Parser) Parse(tokenString string, keyFunc Keyfunc) (*Token, error) {
	return p.ParseWithClaims(tokenString, MapClaims{}, keyFunc)
}

func (p *Parser) ParseWithClaims(tokenString string, claims Claims, keyFunc Keyfunc) (*Token, error) {
	return nil, nil
}

func (p *Parser) ParseUnverified(tokenString string, claims Claims) (token *Token, parts []string, err error) {
	return nil, nil, nil
}

// ParserOption configures a Parser.
type ParserOption func(*Parser)

func WithValidMethods(methods []string) ParserOption {
	return func(p *Parser) { p.ValidMethods = methods }
}
func WithJSONNumber() ParserOption          { return func(p *Parser) { p.UseJSONNumber = true } }
func WithoutClaimsValidation() ParserOption { return func(p *Parser) { p.SkipClaimsValidation = true } }
