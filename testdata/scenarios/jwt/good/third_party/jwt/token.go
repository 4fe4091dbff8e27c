package jwt

// Keyfunc supplies the key that verifies a parsed, unverified token.
type Keyfunc func(*Token) (any, error)

// TokenOption configures a Token.
type TokenOption func(*Token)

// Token is a JWT.
type Token struct {
	Raw       string
	Method    SigningMethod
	Header    map[string]any
	Claims    Claims
	Signature []byte
	Valid     bool
}

// New returns a token with empty MapClaims.
func New(method SigningMethod, opts ...TokenOption) *Token {
	return NewWithClaims(method, MapClaims{}, opts...)
}

// NewWithClaims returns a token with the given claims.
func NewWithClaims(method SigningMethod, claims Claims, opts ...TokenOption) *Token {
	return &Token{Method: method, Claims: claims}
}

// SignedString returns the signed token.
func (t *Token) SignedString(key any) (string, error) { return "", nil }

// SigningString returns the token's signing input.
func (t *Token) SigningString() (string, error) { return "", nil }

// SigningMethod signs and verifies tokens.
type SigningMethod interface {
	Verify(signingString string, sig []byte, key any) error
	Sign(signingString string, key any) ([]byte, error)
	Alg() string
}

// SigningMethodHMAC is the HMAC-SHA family.
type SigningMethodHMAC struct{ Name string }

func (m *SigningMethodHMAC) Alg() string                                            { return m.Name }
func (m *SigningMethodHMAC) Verify(signingString string, sig []byte, key any) error { return nil }
func (m *SigningMethodHMAC) Sign(signingString string, key any) ([]byte, error)     { return nil, nil }

// SigningMethodRSA is the RSA family.
type SigningMethodRSA struct{ Name string }

func (m *SigningMethodRSA) Alg() string                                            { return m.Name }
func (m *SigningMethodRSA) Verify(signingString string, sig []byte, key any) error { return nil }
func (m *SigningMethodRSA) Sign(signingString string, key any) ([]byte, error)     { return nil, nil }

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

func (m *signingMethodNone) Alg() string                                                  { return "none" }
func (m *signingMethodNone) Verify(signingString string, sig []byte, key any) (err error) { return nil }
func (m *signingMethodNone) Sign(signingString string, key any) ([]byte, error)           { return nil, nil }
