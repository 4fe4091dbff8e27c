package jwt

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

// SigningString returns the token's signing input.
func (t *Token) SigningString() (string, error) { return "", nil }

// Parse parses and verifies a token with MapClaims.
func Parse(tokenString string, keyFunc Keyfunc, options ...ParserOption) (*Token, error) {
	return NewParser(options...).Parse(tokenString, keyFunc)
}

// ParseWithClaims parses and verifies a token into claims.
func ParseWithClaims(tokenString string, claims Claims, keyFunc Keyfunc, options ...ParserOption) (*Token, error) {
	return NewParser(options...).ParseWithClaims(tokenString, claims, keyFunc)
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
