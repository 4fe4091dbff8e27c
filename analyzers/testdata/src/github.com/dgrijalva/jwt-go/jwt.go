// Package jwt synthesizes github.com/dgrijalva/jwt-go for tests: only the
// declarations prodlint's JWT rules match, with the real signatures (v3.2.0).
package jwt

// Claims is the claims interface.
type Claims interface {
	Valid() error
}

// MapClaims is a claims set kept as a JSON map.
type MapClaims map[string]interface{}

func (m MapClaims) Valid() error                             { return nil }
func (m MapClaims) VerifyExpiresAt(cmp int64, req bool) bool { return true }

// StandardClaims are the registered claims with int64 dates.
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

// Keyfunc supplies the key that verifies a parsed, unverified token.
type Keyfunc func(*Token) (interface{}, error)

// Token is a JWT.
type Token struct {
	Raw       string
	Method    SigningMethod
	Header    map[string]interface{}
	Claims    Claims
	Signature string
	Valid     bool
}

// New returns a token with empty MapClaims.
func New(method SigningMethod) *Token { return NewWithClaims(method, MapClaims{}) }

// NewWithClaims returns a token with the given claims.
func NewWithClaims(method SigningMethod, claims Claims) *Token {
	return &Token{Method: method, Claims: claims}
}

// SignedString returns the signed token.
func (t *Token) SignedString(key interface{}) (string, error) { return "", nil }

// Parse parses and verifies a token with MapClaims.
func Parse(tokenString string, keyFunc Keyfunc) (*Token, error) {
	return new(Parser).Parse(tokenString, keyFunc)
}

// ParseWithClaims parses and verifies a token into claims.
func ParseWithClaims(tokenString string, claims Claims, keyFunc Keyfunc) (*Token, error) {
	return new(Parser).ParseWithClaims(tokenString, claims, keyFunc)
}

// Parser parses and verifies tokens.
type Parser struct {
	ValidMethods         []string
	UseJSONNumber        bool
	SkipClaimsValidation bool
}

func (p *Parser) Parse(tokenString string, keyFunc Keyfunc) (*Token, error) {
	return p.ParseWithClaims(tokenString, MapClaims{}, keyFunc)
}

func (p *Parser) ParseWithClaims(tokenString string, claims Claims, keyFunc Keyfunc) (*Token, error) {
	return nil, nil
}

func (p *Parser) ParseUnverified(tokenString string, claims Claims) (token *Token, parts []string, err error) {
	return nil, nil, nil
}

// SigningMethod signs and verifies tokens.
type SigningMethod interface {
	Verify(signingString, signature string, key interface{}) error
	Sign(signingString string, key interface{}) (string, error)
	Alg() string
}

// SigningMethodHMAC is the HMAC-SHA family.
type SigningMethodHMAC struct{ Name string }

func (m *SigningMethodHMAC) Alg() string { return m.Name }
func (m *SigningMethodHMAC) Verify(signingString, signature string, key interface{}) error {
	return nil
}
func (m *SigningMethodHMAC) Sign(signingString string, key interface{}) (string, error) {
	return "", nil
}

// SigningMethodRSA is the RSA family.
type SigningMethodRSA struct{ Name string }

func (m *SigningMethodRSA) Alg() string                                                   { return m.Name }
func (m *SigningMethodRSA) Verify(signingString, signature string, key interface{}) error { return nil }
func (m *SigningMethodRSA) Sign(signingString string, key interface{}) (string, error) {
	return "", nil
}

var (
	SigningMethodHS256 *SigningMethodHMAC
	SigningMethodRS256 *SigningMethodRSA
)

// SigningMethodNone accepts unsigned tokens.
var SigningMethodNone *signingMethodNone

// UnsafeAllowNoneSignatureType is the key that lets SigningMethodNone verify.
const UnsafeAllowNoneSignatureType unsafeNoneMagicConstant = "none signing method allowed"

type signingMethodNone struct{}
type unsafeNoneMagicConstant string

func (m *signingMethodNone) Alg() string { return "none" }
func (m *signingMethodNone) Verify(signingString, signature string, key interface{}) (err error) {
	return nil
}
func (m *signingMethodNone) Sign(signingString string, key interface{}) (string, error) {
	return "", nil
}
